/// The Swift side of a Kiso object: a class whose instances live in `Value.object`. Everything
/// the language knows about it — its name, attributes, methods, help and text — comes from its
/// `objectType` declaration.
protocol KisoObject: AnyObject {
    /// The declaration of this class's objects (see `ObjectType` for a worked example).
    static var objectType: ObjectType { get }
}

extension KisoObject {
    /// The declaration of this object's type.
    var objectType: ObjectType { Self.objectType }
}

/// An object type as the language sees it: a name, a doc line and example, attributes and
/// methods, each with its own doc line and example. Attribute access, method calls (with
/// keyword arguments and argument checking), `?rng.normal` / `:help`, completion after `.`,
/// `:vars`, `type(x)`, printing and the docs/language.md tables are all derived from it.
///
/// A module declares a type in its own file, next to the class, and registers it with one line
/// in its `registerTopic()`. A minimal, complete example:
///
/// ```swift
/// /// A counter that remembers how often it was stepped.
/// final class Counter: KisoObject {
///     var count = 0
///
///     static let objectType = ObjectType(
///         "Counter", of: Counter.self, receiver: "c",
///         doc: "Counts steps.", example: "c = counter(); c.step(); c.count"
///     ) { t in
///         t.text { c in "Counter(count=\(c.count))" }
///         t.attribute("count", doc: "The steps so far.", example: "c = counter(); c.count") { c in
///             .int(c.count)
///         }
///         t.method(
///             "step", [param("by", .int, .int(1))], doc: "Counts `by` more steps; gives the new count.",
///             example: "c = counter(); c.step(by=2)"
///         ) { c, a in
///             c.count += try a.int("by")
///             return .int(c.count)
///         }
///     }
/// }
///
/// extension Registry {
///     func registerCounter() {        // one line in Registry.init calls this
///         section("Counting")
///         register(Counter.self)
///         add("counter", [], doc: "A new Counter at 0.", example: "c = counter()") { _ in .object(Counter()) }
///     }
/// }
/// ```
///
/// Methods take parameters exactly as builtins do (`param`, `rest`, defaults, kinds); their
/// bodies get the object, typed, and the bound arguments, read by name (`a.int("by")`). An
/// object is a reference: `d = c; d.step()` steps `c` as well, which is what state such as an
/// optimizer's moments or a generator's stream needs.
///
/// The declaration never changes after its closure has run, so it can be a `static let`.
final class ObjectType: @unchecked Sendable {
    /// The type's name, as `type(x)` and `:vars` show it: `Generator`, `optimizer`.
    let name: String
    /// The name examples and signatures give an object of this type: `rng` in `rng.normal(…)`.
    let receiverName: String
    /// One line saying what the objects are.
    let doc: String
    /// A line of Kiso that makes one and uses it.
    let example: String
    /// The attributes, in declaration order.
    let attributes: [ObjectAttribute]
    /// The methods, in declaration order; each is a builtin whose first parameter is the object.
    let methods: [Builtin]
    private let attributeIndex: [String: ObjectAttribute]
    private let methodIndex: [String: Builtin]
    private let describe: ((Value) -> String)?

    /// Declares the type of the `Object` class: `members` adds its attributes, methods and text.
    convenience init<Object: KisoObject>(
        _ name: String, of objectClass: Object.Type, receiver: String, doc: String, example: String,
        _ members: (inout ObjectMembers<Object>) -> Void
    ) {
        self.init(
            name, receiver: receiver, doc: doc, example: example,
            cast: { value in
                if case .object(let object) = value { return object as? Object }
                return nil
            }, members)
    }

    /// Declares a type whose receiver is any value `cast` accepts (tensors use this).
    init<Object>(
        _ name: String, receiver: String, doc: String, example: String, cast: @escaping (Value) -> Object?,
        _ members: (inout ObjectMembers<Object>) -> Void
    ) {
        self.name = name
        receiverName = receiver
        self.doc = doc
        self.example = example
        var declared = ObjectMembers(typeName: name, receiverName: receiver, cast: cast)
        members(&declared)
        attributes = declared.attributes
        methods = declared.methods
        describe = declared.describe
        attributeIndex = Dictionary(declared.attributes.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        methodIndex = Dictionary(declared.methods.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// "a Generator", "an optimizer": how a message names one.
    var kindName: String { withArticle(name) }

    /// The section of `:help` and docs/language.md that lists the members.
    var category: String {
        let title = name.prefix(1).uppercased() + name.dropFirst()
        return methods.isEmpty ? "\(title) attributes" : "\(title) objects"
    }

    /// The attribute called `name`, if declared.
    func attribute(_ name: String) -> ObjectAttribute? { attributeIndex[name] }

    /// The method called `name`, if declared.
    func method(_ name: String) -> Builtin? { methodIndex[name] }

    /// Every member name, attributes first; a method that is an attribute's call form is listed once.
    var memberNames: [String] {
        attributes.map(\.name) + methods.map(\.name).filter { attributeIndex[$0] == nil }
    }

    /// The object as the REPL echoes and `print` writes it: the declared text, else `<name>`.
    func text(_ object: Value) -> String { describe?(object) ?? "<\(name)>" }

    /// The member `name` of `receiver`: an attribute's value or a bound method. Nil when the
    /// type declares no such member.
    func member(_ name: String, of receiver: Value) throws -> Value? {
        if let attribute = attributeIndex[name] { return try attribute.get(receiver) }
        if let method = methodIndex[name] { return .method(BoundMethod(receiver: receiver, builtin: method)) }
        return nil
    }

    /// The error for a member the type lacks: the closest name (among the members and `extra`)
    /// as a hint, else the list of members.
    func unknownMember(_ name: String, extra: [String] = [], more: String? = nil) -> KisoError {
        let listed = memberNames.map { "." + $0 }.joined(separator: " ") + (more.map { " " + $0 } ?? "")
        let hint =
            closestName(to: name, among: memberNames + extra).map { "did you mean `\($0)`?" }
            ?? "\(kindName) has \(listed)"
        return KisoError(.name, "\(kindName) has no attribute `\(name)`", hint: hint)
    }

    /// A member as help and the docs show it: its signature (`rng.normal(loc=0, scale=1,
    /// size=none)`, `opt.lr`), doc line and example; nil when the type has no such member.
    func entry(_ member: String) -> (signature: String, doc: String, example: String)? {
        if let attribute = attributeIndex[member] {
            return ("\(receiverName).\(member)", attribute.doc, attribute.example)
        }
        guard let method = methodIndex[member] else { return nil }
        let parameters = method.parameters.dropFirst().map(\.signatureText).joined(separator: ", ")
        return ("\(receiverName).\(member)(\(parameters))", method.doc, method.example)
    }

    /// Help for a member: its signature, doc line and example.
    func help(_ member: String) -> String? {
        entry(member).map { "\($0.signature)\n  \($0.doc)\n  example: \($0.example)" }
    }

    /// Help for the type itself: its doc line, example and members.
    var help: String {
        var text = "\(name)\n  \(doc)\n  example: \(example)"
        if !attributes.isEmpty { text += "\n  attributes: " + attributes.map { "." + $0.name }.joined(separator: " ") }
        if !methods.isEmpty { text += "\n  methods: " + methods.map { "." + $0.name + "(…)" }.joined(separator: " ") }
        return text
    }
}

/// A read-only attribute of an object type.
struct ObjectAttribute {
    /// The name after the dot.
    let name: String
    /// One line saying what it is.
    let doc: String
    /// A line of Kiso that reads it.
    let example: String
    /// Its value for a receiver of the type.
    let get: (Value) throws -> Value
}

/// The members of an object type while its declaration runs; see `ObjectType`.
struct ObjectMembers<Object> {
    fileprivate let typeName: String
    fileprivate let receiverName: String
    fileprivate let cast: (Value) -> Object?
    fileprivate var attributes: [ObjectAttribute] = []
    fileprivate var methods: [Builtin] = []
    fileprivate var describe: ((Value) -> String)? = nil

    fileprivate init(typeName: String, receiverName: String, cast: @escaping (Value) -> Object?) {
        self.typeName = typeName
        self.receiverName = receiverName
        self.cast = cast
    }

    private func receiver(_ value: Value) throws -> Object {
        guard let object = cast(value) else {
            throw Convert.mismatch(withArticle(typeName), receiverName, value)
        }
        return object
    }

    /// Declares how an object prints (echo, `print`, `str`, inside containers).
    mutating func text(_ describe: @escaping (Object) -> String) {
        let cast = self.cast
        let name = typeName
        self.describe = { value in cast(value).map(describe) ?? "<\(name)>" }
    }

    /// Declares a read-only attribute.
    mutating func attribute(
        _ name: String, doc: String, example: String, _ get: @escaping (Object) throws -> Value
    ) {
        let receiver = self.receiver
        attributes.append(ObjectAttribute(name: name, doc: doc, example: example) { try get(try receiver($0)) })
    }

    /// Declares a method: `parameters` as a builtin's, after the receiver; `grad` as a builtin's.
    /// `mutates` names the argument the method changes in place (see `Builtin.mutates`): the
    /// receiver's name for `xs.append(v)`, a parameter's for `rng.shuffle(x)`.
    mutating func method(
        _ name: String, _ parameters: [BuiltinParameter], doc: String, example: String,
        grad: GradBehaviour = .notDifferentiable, mutates: String? = nil,
        _ body: @escaping (Object, inout Arguments) throws -> Value
    ) {
        let receiver = self.receiver
        let all = [param(receiverName, .object(typeName))] + parameters
        let builtin = Builtin(
            name: name, parameters: all, doc: doc, example: example, category: "", grad: grad,
            body: { a in try body(try receiver(a[0]), &a) })
        builtin.mutates = mutates.flatMap { changed in all.firstIndex { $0.name == changed } }
        methods.append(builtin)
    }
}

/// "a Generator", "an optimizer".
func withArticle(_ name: String) -> String {
    let vowel = name.first.map { "aeiouAEIOU".contains($0) } ?? false
    return (vowel ? "an " : "a ") + name
}
