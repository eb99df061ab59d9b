import CBLAS
import Glibc

/// OpenBLAS, opened with `dlopen` the first time a linear-algebra operation runs.
///
/// Kiso does not link OpenBLAS: the library picks its kernel family in a constructor that reads
/// `OPENBLAS_CORETYPE`, and the OpenBLAS 0.3.21 shipped by Debian takes AVX-512 Zen CPUs for
/// Haswell. Opening it ourselves lets us ask for the SkylakeX (AVX-512) kernels first, and keeps
/// `kiso --version` from paying for the library at start-up.
struct BLASLibrary: @unchecked Sendable {
    // @unchecked: the fields are C function pointers into a library that is never closed.
    let dgemm: kiso_dgemm_fn
    let dgemv: kiso_dgemv_fn
    let setNumThreads: kiso_set_num_threads_fn
    let dsyevd: kiso_dsyevd_fn
    let dgeev: kiso_dgeev_fn
    let dgesdd: kiso_dgesdd_fn
    let dgetrf: kiso_dgetrf_fn
    let dgesv: kiso_dgesv_fn
    let dgelsd: kiso_dgelsd_fn
    let dgeqrf: kiso_dgeqrf_fn
    let dorgqr: kiso_dorgqr_fn
    /// The kernel family OpenBLAS chose, e.g. `SkylakeX` or `Haswell`.
    let coreName: String
    /// The path that loaded.
    let path: String
    /// OpenBLAS's own thread count (from `OPENBLAS_NUM_THREADS` or the number of CPUs).
    let threadCount: Int

    static let candidates = ["libopenblas.so.0", "libopenblas.so"]

    /// Swift initialises a `static let` once, under a lock, so concurrent first uses load once.
    private static let loaded: Result<BLASLibrary, TensorError> = Result { () throws(TensorError) in
        try load()
    }

    /// The loaded library, or the `.linalg` error explaining why it could not be opened.
    static func shared(op: String) throws -> BLASLibrary {
        switch loaded {
        case .success(let library): return library
        case .failure(let error):
            throw TensorError(.linalg, "\(op): \(error.message)", hint: error.hint)
        }
    }

    private static func load() throws(TensorError) -> BLASLibrary {
        chooseCoreType()
        chooseThreadTimeout()
        var failures: [String] = []
        for name in candidates {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else {
                failures.append(dlerror().map { String(cString: $0) } ?? name)
                continue
            }
            return try bind(handle, path: name)
        }
        throw TensorError(
            .linalg,
            "OpenBLAS could not be opened (\(failures.joined(separator: "; ")))",
            hint: "linear algebra needs OpenBLAS: install it with `apt install libopenblas-dev`")
    }

    /// Asks for the AVX-512 kernels when the CPU has them, unless the user already chose.
    private static func chooseCoreType() {
        guard getenv("OPENBLAS_CORETYPE") == nil, kiso_cpu_has_avx512f() != 0 else { return }
        setenv("OPENBLAS_CORETYPE", "SkylakeX", 0)
    }

    /// Sends OpenBLAS's idle worker threads to sleep after about 0.4 ms instead of 0.1 s,
    /// unless the user already chose.
    ///
    /// OpenBLAS's workers spin (calling `sched_yield`) for 2²⁸ cycles after the library loads and
    /// after each threaded product before they sleep. Kiso runs small products on one thread, so
    /// that spinning only burns the second core (a tenth of a second of CPU after the first
    /// product of every session) while the interpreter runs on the first. Products large enough
    /// to be threaded take longer than the wake-up this costs.
    private static func chooseThreadTimeout() {
        guard getenv("OPENBLAS_THREAD_TIMEOUT") == nil else { return }
        setenv("OPENBLAS_THREAD_TIMEOUT", "20", 0)
    }

    private static func bind(
        _ handle: UnsafeMutableRawPointer, path: String
    ) throws(TensorError)
        -> BLASLibrary
    {
        func symbol<F>(_ name: String, as type: F.Type) throws(TensorError) -> F {
            guard let address = dlsym(handle, name) else {
                throw TensorError(
                    .linalg, "OpenBLAS at \(path) has no \(name)",
                    hint: "install a complete OpenBLAS with LAPACK: `apt install libopenblas-dev`")
            }
            return unsafeBitCast(address, to: type)
        }
        let coreName = try symbol("openblas_get_corename", as: kiso_get_corename_fn.self)
        let getThreads = try symbol("openblas_get_num_threads", as: kiso_get_num_threads_fn.self)
        return BLASLibrary(
            dgemm: try symbol("cblas_dgemm", as: kiso_dgemm_fn.self),
            dgemv: try symbol("cblas_dgemv", as: kiso_dgemv_fn.self),
            setNumThreads: try symbol("openblas_set_num_threads", as: kiso_set_num_threads_fn.self),
            dsyevd: try symbol("dsyevd_", as: kiso_dsyevd_fn.self),
            dgeev: try symbol("dgeev_", as: kiso_dgeev_fn.self),
            dgesdd: try symbol("dgesdd_", as: kiso_dgesdd_fn.self),
            dgetrf: try symbol("dgetrf_", as: kiso_dgetrf_fn.self),
            dgesv: try symbol("dgesv_", as: kiso_dgesv_fn.self),
            dgelsd: try symbol("dgelsd_", as: kiso_dgelsd_fn.self),
            dgeqrf: try symbol("dgeqrf_", as: kiso_dgeqrf_fn.self),
            dorgqr: try symbol("dorgqr_", as: kiso_dorgqr_fn.self),
            coreName: coreName().map { String(cString: $0) } ?? "unknown",
            path: path,
            threadCount: Int(getThreads()))
    }
}

extension Linalg {
    /// The linear-algebra backend in use, e.g. `OpenBLAS libopenblas.so.0 (SkylakeX kernels,
    /// 2 threads)`; opens the library if it is not open yet, and throws when it cannot be.
    public static func backendDescription() throws -> String {
        let library = try BLASLibrary.shared(op: "backendDescription")
        let threads = library.threadCount == 1 ? "1 thread" : "\(library.threadCount) threads"
        return "OpenBLAS \(library.path) (\(library.coreName) kernels, \(threads))"
    }
}
