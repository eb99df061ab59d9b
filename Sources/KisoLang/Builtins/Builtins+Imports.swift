/// `import numpy as np` and the like: course code pasted as it is.
extension Registry {
    func registerImports() {
        section("Language")
        register(LibraryNamespace.self)
        add(
            "import_module", [param("name", .string)],
            doc:
                "The namespace `import name` binds: numpy, numpy.linalg, numpy.random, jax, jax.numpy, jax.nn, torch, torch.nn.functional, keras, keras.layers, … whose members are Kiso's builtins.",
            example: "np = import_module(\"numpy\"); np.linalg.norm([3, 4])"
        ) { a in
            let name = try a.string("name")
            if let namespace = LibraryNamespace.named(name, interpreter: a.interpreter) {
                return .object(namespace)
            }
            throw KisoError(.name, "Kiso cannot import `\(name)`", span: a.span, hint: importHint(name))
        }
    }
}

/// What to do instead of importing `name`.
private func importHint(_ name: String) -> String {
    let root = String(name.prefix { $0 != "." })
    switch root {
    case "matplotlib": return "Kiso draws plots itself: plot(x, y), scatter, bar, hist, heatmap (see :help)"
    case "math": return "Kiso's math functions are builtins already: sqrt, exp, log, pi, …"
    case "scipy", "sklearn":
        return "the parts of \(root) the course uses are builtins (logsumexp, erf, make_moons, …); call them directly"
    default:
        return
            "Kiso stands in for numpy, jax, jax.numpy, jax.nn, torch, torch.nn.functional and keras; other libraries are not available"
    }
}
