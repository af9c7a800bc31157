/// One problem found while building, printed like a compiler's:
/// `path:line:col: error: message`, then an optional hint on the next line.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case error, warning, note
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    }

    public var severity: Severity
    /// The file the problem is in, as the user named it (relative paths stay relative).
    public var file: String
    /// 1-based line and column (columns count Unicode scalars, not bytes).
    public var line: Int
    public var column: Int
    public var message: String
    public var hint: String?

    public init(_ severity: Severity, _ file: String, line: Int = 1, column: Int = 1,
                _ message: String, hint: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.message = message
        self.hint = hint
    }

    public static func error(_ file: String, line: Int = 1, column: Int = 1, _ message: String,
                             hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, file, line: line, column: column, message, hint: hint)
    }

    public static func warning(_ file: String, line: Int = 1, column: Int = 1, _ message: String,
                               hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, file, line: line, column: column, message, hint: hint)
    }

    public var description: String {
        let head = "\(file):\(line):\(column): \(severity.rawValue): \(message)"
        guard let hint else { return head }
        return head + "\n  hint: " + hint
    }
}

/// Collects diagnostics from every stage so a build reports all problems at once.
public struct DiagnosticLog: Sendable {
    public private(set) var items: [Diagnostic] = []
    public init() {}

    public mutating func add(_ d: Diagnostic) { items.append(d) }
    public mutating func add(contentsOf ds: [Diagnostic]) { items.append(contentsOf: ds) }

    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { items.filter { $0.severity == .warning } }
    public var hasErrors: Bool { items.contains { $0.severity == .error } }
}

/// Thrown by a stage that cannot go on; carries everything collected so far.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
