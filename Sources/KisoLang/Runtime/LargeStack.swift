import Glibc

/// Runs a program on a thread with a large stack, so deep (but bounded) recursion in the
/// evaluator never depends on the stack size of the caller's thread.
enum LargeStack {
    /// 256 MiB of address space; only the pages a program touches are ever committed.
    static let size = 256 << 20

    private final class Job: @unchecked Sendable {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    static func run<T>(_ body: () -> T) -> T {
        withoutActuallyEscaping(body) { escapable in
            var result: T? = nil
            let job = Job { result = escapable() }
            var attributes = pthread_attr_t()
            pthread_attr_init(&attributes)
            defer { pthread_attr_destroy(&attributes) }
            pthread_attr_setstacksize(&attributes, size)
            var thread = pthread_t()
            let context = Unmanaged.passRetained(job).toOpaque()
            let created = pthread_create(
                &thread, &attributes,
                { raw in
                    guard let raw else { return nil }
                    let job = Unmanaged<Job>.fromOpaque(raw).takeRetainedValue()
                    job.body()
                    return nil
                }, context)
            if created != 0 {
                // No thread: run here instead.
                Unmanaged<Job>.fromOpaque(context).release()
                return escapable()
            }
            pthread_join(thread, nil)
            if let result { return result }
            return escapable()
        }
    }
}
