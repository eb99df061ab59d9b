import KisoTensor

extension Registry {
    func registerCreation() {
        section("Creating tensors")
        let dtypeParam = param("dtype", .dtype, .string("float64"))
        add("zeros", [param("shape", .shape), dtypeParam], doc: "A tensor of zeros.", example: "zeros([2, 3])") { a in
            .tensor(try Tensor.zeros(try a.shape("shape"), dtype: try dtype(a, "dtype")))
        }
        add("ones", [param("shape", .shape), dtypeParam], doc: "A tensor of ones.", example: "ones(3)") { a in
            .tensor(try Tensor.ones(try a.shape("shape"), dtype: try dtype(a, "dtype")))
        }
        add(
            "full", [param("shape", .shape), param("fill_value", .number), param("dtype", .dtype, .none)],
            doc: "A tensor with every element fill_value; the dtype is fill_value's unless given.",
            example: "full([2, 2], 7)"
        ) { a in
            let kind = try a.isNone("dtype") ? try a.tensor("fill_value").dtype : try dtype(a, "dtype")
            return .tensor(try Tensor.full(try a.shape("shape"), value: try a.number("fill_value"), dtype: kind))
        }
        add(
            "zeros_like", [param("x", .tensor)], doc: "Zeros with x's shape and dtype.", example: "zeros_like([1, 2])",
            grad: .detaching
        ) { a in
            .tensor(try a.tensor("x").zerosLike())
        }
        add(
            "ones_like", [param("x", .tensor)], doc: "Ones with x's shape and dtype.", example: "ones_like([1, 2])",
            grad: .detaching
        ) {
            a in
            .tensor(try a.tensor("x").onesLike())
        }
        add(
            "full_like", [param("x", .tensor), param("fill_value", .number)],
            doc: "fill_value with x's shape and dtype.", example: "full_like([1, 2], 5)", grad: .detaching
        ) { a in
            .tensor(try a.tensor("x").fullLike(try a.number("fill_value")))
        }
        add(
            "eye", [param("N", .int), param("M", .int, .none), param("k", .int, .int(0))],
            doc: "An identity matrix (ones on diagonal k).", example: "eye(3)"
        ) { a in
            .tensor(try Tensor.eye(try a.int("N"), try a.optionalInt("M"), k: try a.int("k")))
        }
        add(
            "triu", [param("m", .tensor), param("k", .int, .int(0))],
            doc: "The upper triangle: elements on and above diagonal k, zeros below.", example: "triu(ones([3, 3]))"
        ) { a in .tensor(try a.tensor("m").triu(k: try a.int("k"))) }
        add(
            "tril", [param("m", .tensor), param("k", .int, .int(0))],
            doc: "The lower triangle: elements on and below diagonal k, zeros above (a causal mask).",
            example: "tril(ones([3, 3]))"
        ) { a in .tensor(try a.tensor("m").tril(k: try a.int("k"))) }
        add(
            "arange", [param("start", .number), param("stop", .number, .none), param("step", .number, .int(1))],
            doc: "Evenly spaced values in [start, stop); int64 when every argument is an int, else float64.",
            example: "arange(0, 1, 0.25)"
        ) { a in
            var start = try a.number("start")
            var stop = 0.0
            if try a.isNone("stop") { (start, stop) = (0, start) } else { stop = try a.number("stop") }
            let allInts = (0..<3).allSatisfy { i in
                switch a[i] {
                case .int, .bool, .none: return true
                case .tensor(let t): return t.dtype != .float64
                default: return false
                }
            }
            return .tensor(
                try Tensor.arange(start, stop, step: try a.number("step"), dtype: allInts ? .int64 : .float64))
        }
        add(
            "linspace",
            [
                param("start", .number), param("stop", .number), param("num", .int, .int(50)),
                param("endpoint", .bool, .bool(true)),
            ],
            doc: "num evenly spaced values from start to stop.", example: "linspace(0, 1, 5)"
        ) { a in
            .tensor(
                try Tensor.linspace(
                    try a.number("start"), try a.number("stop"), num: try a.int("num"), endpoint: try a.bool("endpoint")
                ))
        }
        add(
            "meshgrid", [rest("xi"), param("indexing", .string, .string("xy"))],
            doc: "Coordinate grids from 1-d coordinate vectors.", example: "X, Y = meshgrid([1, 2, 3], [4, 5])"
        ) { a in
            guard case .list(let items) = try a["xi"] else { return .tuple([]) }
            let vectors = try items.map { try Convert.tensor($0, "xi") }
            return .tuple(try Tensor.meshgrid(vectors, indexing: try a.string("indexing")).map(Value.tensor))
        }
        for name in ["array", "tensor"] {
            add(
                name, [param("object", .tensor), param("dtype", .dtype, .none)],
                doc: "A tensor from nested lists of numbers: int64 from ints, float64 once any is a float, as NumPy.",
                example: "\(name)([[1, 2], [3, 4]])"
            ) { a in
                let t = try a.tensor("object")
                if try a.isNone("dtype") { return .tensor(t) }
                let target = try dtype(a, "dtype")
                return .tensor(t.dtype == target ? t : t.cast(to: target))
            }
        }
        add(
            "astype", [param("x", .tensor), param("dtype", .dtype)],
            doc: "The tensor converted to dtype: \"float64\", \"int64\", \"bool\" or the builtins float, int, bool.",
            example: "astype([1.7, 2.2], \"int64\")"
        ) { a in
            .tensor(try a.tensor("x").cast(to: try dtype(a, "dtype")))
        }
    }
}

/// The dtype the argument `parameter` names: "float64", "int64", "bool" (or "float", "int"), or the builtins
/// float, int and bool as NumPy takes them. Narrower kinds are refused rather than silently kept
/// in 64 bits, since Kiso computes in float64 and int64 only.
func dtype(_ a: Arguments, _ parameter: String) throws -> DType {
    let name: String
    switch try a[parameter] {
    case .builtin(let builtin) where ["float", "int", "bool"].contains(builtin.name): name = builtin.name
    case .builtin(let builtin):
        throw KisoError(
            .value, "`\(builtin.name)` is not a dtype", hint: "use float, int, bool or \"float64\", \"int64\", \"bool\""
        )
    default: name = try a.string(parameter)
    }
    switch name {
    case "float64", "float": return .float64
    case "int64", "int": return .int64
    case "bool": return .bool
    case "float32", "float16", "bfloat16", "int32", "int16", "int8", "uint8":
        throw KisoError(
            .value, "dtype \(quoteString(name)) is not supported: Kiso computes in float64, int64 and bool only",
            hint:
                "use \"float64\" (or float) for real numbers and \"int64\" (or int) for integers; results then match NumPy's float64"
        )
    default:
        throw KisoError(.value, "unknown dtype \(quoteString(name))", hint: "use \"float64\", \"int64\" or \"bool\"")
    }
}
