namespace Wit.DebugAdapter.Dwarf;

/// <summary>The DWARF tags, attributes, forms and encodings the debugger reads (DWARF 5, section 7).</summary>
internal static class DwarfConstants
{
    public const ushort TagArrayType = 0x01, TagEnumerationType = 0x04, TagFormalParameter = 0x05, TagLexicalBlock = 0x0b,
        TagMember = 0x0d, TagPointerType = 0x0f, TagReferenceType = 0x10, TagCompileUnit = 0x11, TagStructureType = 0x13,
        TagSubroutineType = 0x15, TagTypedef = 0x16, TagUnionType = 0x17, TagInlinedSubroutine = 0x1d, TagSubrangeType = 0x21,
        TagBaseType = 0x24, TagConstType = 0x26, TagEnumerator = 0x28, TagSubprogram = 0x2e, TagVariable = 0x34,
        TagVolatileType = 0x35, TagRestrictType = 0x37, TagAtomicType = 0x47, TagClassType = 0x02;

    public const ushort AtLocation = 0x02, AtName = 0x03, AtByteSize = 0x0b, AtLowPc = 0x11, AtHighPc = 0x12,
        AtConstValue = 0x1c, AtUpperBound = 0x2f, AtCount = 0x37, AtDataMemberLocation = 0x38, AtEncoding = 0x3e,
        AtFrameBase = 0x40, AtType = 0x49, AtRanges = 0x55, AtStrOffsetsBase = 0x72, AtAddrBase = 0x73,
        AtRnglistsBase = 0x74, AtLoclistsBase = 0x8c, AtDeclaration = 0x3c, AtBitSize = 0x0d, AtDataBitOffset = 0x6b;

    public const ushort FormAddr = 0x01, FormExprloc = 0x18, FormImplicitConst = 0x21;

    public const int AteAddress = 0x01, AteBoolean = 0x02, AteFloat = 0x04, AteSigned = 0x05, AteSignedChar = 0x06,
        AteUnsigned = 0x07, AteUnsignedChar = 0x08, AteUtf = 0x10;
}
