/// Groups operations by tag, in order of first use, and names each group's Swift API type and accessor.
enum TagLowering {
    static func tags(of operations: [OperationDeclaration]) -> [RenderModel.Tag] {
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for (index, operation) in operations.enumerated() {
            for tag in operation.tags {
                if members[tag] == nil { order.append(tag) }
                if members[tag]?.last != index { members[tag, default: []].append(index) }
            }
        }
        var typeNames = NameAllocator(reserved: SwiftName.reservedTypeNames)
        var memberNames = NameAllocator()
        return order.map { tag in
            RenderModel.Tag(
                name: tag, typeName: typeNames.unique(SwiftName.typeName(tag)), memberName: memberNames.unique(SwiftName.memberName(tag)),
                operations: members[tag] ?? [])
        }
    }
}
