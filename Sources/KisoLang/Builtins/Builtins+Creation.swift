import KisoTensor

extension Registry {
    func registerCreation() {
        section("Creating tensors")
        let dtypeParam = param("dtype", .dtype, .string("float64"))
        add("zeros", [param("shape", .shape), dtypeParam], doc: "A tensor of zeros.", example: "zeros([2, 3])") { a in
            .tensor(try Tensor.zeros(try a.shape(0), dtype: try dtype(a, 1)))
        }
        add("ones", [param("shape", .shape), dtypeParam], doc: "A tensor of ones.", example: "ones(3)") { a in
            .tensor(try Tensor.ones(try a.shape(0), dtype: try dtype(a, 1)))
        }
        add(
            "full", [param("shape", .shape), param("fill_value", .number), param("dtype", .dtype, .none)],
            doc: "A tensor with every element fill_value; the dtype is fill_value's unless given.",
            example: "full([2, 2], 7)"
        ) { a in
            let kind = a.isNone(2) ? try a.tensor(1).dtype : try dtype(a, 2)
            return .tensor(try Tensor.full(try a.shape(0), value: try a.number(1), dtype: kind))
        }
        add(
            "zeros_like", [param("x", .tensor)], doc: "Zeros with x's shape and dtype.", example: "zeros_like([1, 2])",
            grad: .detaching
        ) { a in
            .tensor(try a.tensor(0).zerosLike())
        }
        add(
            "ones_like", [param("x", .tensor)], doc: "Ones with x's shape and dtype.", example: "ones_like([1, 2])",
            grad: .detaching
        ) {
            a in
            .tensor(try a.tensor(0).onesLike())
        }
        add(
            "full_like", [param("x", .tensor), param("fill_value", .number)],
            doc: "fill_value with x's shape and dtype.", example: "full_like([1, 2], 5)", grad: .detaching
        ) { a in
            .tensor(try a.tensor(0).fullLike(try a.number(1)))
        }
        add(
            "eye", [param("N", .int), param("M", .int, .none), param("k", .int, .int(0))],
            doc: "An identity matrix (ones on diagonal k).", example: "eye(3)"
        ) { a in
            .tensor(try Tensor.eye(try a.int(0), try a.optionalInt(1), k: try a.int(2)))
        }
        add(
            "triu", [param("m", .tensor), param("k", .int, .int(0))],
            doc: "The upper triangle: elements on and above diagonal k, zeros below.", example: "triu(ones([3, 3]))"
        ) { a in .tensor(try a.tensor(0).triu(k: try a.int(1))) }
        add(
            "tril", [param("m", .tensor), param("k", .int, .int(0))],
            doc: "The lower triangle: elements on and below diagonal k, zeros above (a causal mask).",
            example: "tril(ones([3, 3]))"
        ) { a in .tensor(try a.tensor(0).tril(k: try a.int(1))) }
        add(
            "arange", [param("start", .number), param("stop", .number, .none), param("step", .number, .int(1))],
            doc: "Evenly spaced values in [start, stop); int64 when every argument is an int, else float64.",
            example: "arange(0, 1, 0.25)"
        ) { a in
            var start = try a.number(0)
            var stop = 0.0
            if a.isNone(1) { (start, stop) = (0, start) } else { stop = try a.number(1) }
            let allInts = (0..<3).allSatisfy { i in
                switch a[i] {
                case .int, .bool, .none: return true
                case .tensor(let t): return t.dtype != .float64
                default: return false
                }
            }
            return .tensor(try Tensor.arange(start, stop, step: try a.number(2), dtype: allInts ? .int64 : .float64))
        }
        add(
            "linspace",
            [
                param("start", .number), param("stop", .number), param("num", .int, .int(50)),
                param("endpoint", .bool, .bool(true)),
            ],
            doc: "num evenly spaced values from start to stop.", example: "linspace(0, 1, 5)"
        ) { a in
            .tensor(try Tensor.linspace(try a.number(0), try a.number(1), num: try a.int(2), endpoint: try a.bool(3)))
        }
        add(
            "meshgrid", [rest("xi"), param("indexing", .string, .string("xy"))],
            doc: "Coordinate grids from 1-d coordinate vectors.", example: "X, Y = meshgrid([1, 2, 3], [4, 5])"
        ) { a in
            guard case .list(let items) = a[0] else { return .tuple([]) }
            let vectors = try items.map { try Convert.tensor($0, "xi") }
            return .tuple(try Tensor.meshgrid(vectors, indexing: try a.string(1)).map(Value.tensor))
        }
        for name in ["array", "tensor"] {
            add(
                name, [param("object", .tensor), param("dtype", .dtype, .none)],
                doc: "A tensor from nested lists of numbers: int64 from ints, float64 once any is a float, as NumPy.",
                example: "\(name)([[1, 2], [3, 4]])"
            ) { a in
                let t = try a.tensor("object")
                if try a.isNone("dtype") { return .tensor(t) }
                let target = try dtype(a, 1)
                return .tensor(t.dtype == target ? t : t.cast(to: target))
            }
        }
        add(
            "astype", [param("x", .tensor), param("dtype", .dtype)],
            doc: "The tensor converted to dtype: \"float64\", \"int64\", \"bool\" or the builtins float, int, bool.",
            example: "astype([1.7, 2.2], \"int64\")"
        ) { a in
            .tensor(try a.tensor(0).cast(to: try dtype(a, 1)))
        }
    }
}

/// The dtype argument `i` names: "float64", "int64", "bool" (or "float", "int"), or the builtins
/// float, int and bool as NumPy takes them. Narrower kinds are refused rather than silently kept
/// in 64 bits, since Kiso computes in float64 and int64 only.
func dtype(_ a: Arguments, _ i: Int) throws -> DType {
    let name: String
    switch a[i] {
    case .builtin(let builtin) where ["float", "int", "bool"].contains(builtin.name): name = builtin.name
    case .builtin(let builtin):
        throw KisoError(
            .value, "`\(builtin.name)` is not a dtype", hint: "use float, int, bool or \"float64\", \"int64\", \"bool\""
        )
    default: name = try a.string(i)
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
