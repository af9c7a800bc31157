import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` over all cores. Results keep the input's order, so output stays deterministic.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let slots = SendableBuffer(results)
        DispatchQueue.concurrentPerform(iterations: count) { i in
            slots.buffer[i] = transform(self[i])  // each index is written by one iteration only
        }
        return results.map { $0! }
    }
}

private struct SendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T?>
    init(_ buffer: UnsafeMutableBufferPointer<T?>) { self.buffer = buffer }
}

/// Work started on a thread of its own now and collected later, so a long serial job (the
/// search index, the data files) runs beside the parallel page rendering instead of after it.
public final class Background<T: Sendable>: @unchecked Sendable {
    private var result: T?  // written once by the worker before `done` is signalled
    private let done = DispatchSemaphore(value: 0)

    public init(_ work: @escaping @Sendable () -> T) {
        let thread = Thread { [self] in
            result = work()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The result, once the work is done.
    public func wait() -> T {
        done.wait()
        done.signal()  // a second wait returns at once
        return result!
    }
}
