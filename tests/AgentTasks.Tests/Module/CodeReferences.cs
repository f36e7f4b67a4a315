using System.Collections.Immutable;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace AgentTasks.Tests.Module;

/// <summary>A type as code names it: the full name of its assembly, as referenced, and Namespace.Type (Outer+Inner).</summary>
public readonly record struct NamedType(string Assembly, string Type);

/// <summary>The types a class's code names, read from metadata without loading it: base type and interfaces, fields,
/// method signatures, locals and every type, method or field token in the IL, of the class and its nested
/// (compiler-generated) classes.</summary>
public static class CodeReferences
{
    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes).GetFields()
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value, o => o.OperandType);

    public static ISet<NamedType> Of(string assemblyPath, string typeFullName)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var reader = pe.GetMetadataReader();
        var names = new Names(reader);
        var found = new HashSet<NamedType>();
        var type = reader.TypeDefinitions.Single(t => names.Of(t).Single().Type == typeFullName);
        Walk(pe, reader, names, type, found);
        return found;
    }

    /// <summary>Every type <paramref name="assemblyPath"/> takes from another assembly.</summary>
    public static IReadOnlyList<NamedType> TypeReferences(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var names = new Names(pe.GetMetadataReader());
        return pe.GetMetadataReader().TypeReferences.SelectMany(names.OfReference).Where(t => t.Assembly != names.Self).ToList();
    }

    private static void Walk(PEReader pe, MetadataReader reader, Names names, TypeDefinitionHandle handle, HashSet<NamedType> found)
    {
        var type = reader.GetTypeDefinition(handle);
        if (!type.BaseType.IsNil)
        {
            found.UnionWith(names.OfEntity(type.BaseType));
        }

        foreach (var i in type.GetInterfaceImplementations())
        {
            found.UnionWith(names.OfEntity(reader.GetInterfaceImplementation(i).Interface));
        }

        foreach (var f in type.GetFields())
        {
            found.UnionWith(reader.GetFieldDefinition(f).DecodeSignature(names, null));
        }

        foreach (var m in type.GetMethods())
        {
            var method = reader.GetMethodDefinition(m);
            found.UnionWith(Flatten(method.DecodeSignature(names, null)));
            if (method.RelativeVirtualAddress == 0)
            {
                continue;
            }

            var body = pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
            {
                foreach (var local in reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(names, null))
                {
                    found.UnionWith(local);
                }
            }

            var il = body.GetILReader();
            while (il.RemainingBytes > 0)
            {
                var first = il.ReadByte();
                var opcode = first == 0xFE ? unchecked((short)(0xFE00 | il.ReadByte())) : first;
                switch (Operands[opcode])
                {
                    case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType or OperandType.InlineSig:
                        found.UnionWith(names.OfEntity(MetadataTokens.EntityHandle(il.ReadInt32())));
                        break;
                    case OperandType.InlineSwitch:
                        il.Offset += 4 * il.ReadInt32();
                        break;
                    case var operand:
                        il.Offset += operand switch
                        {
                            OperandType.InlineNone => 0,
                            OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                            OperandType.InlineVar => 2,
                            OperandType.InlineI8 or OperandType.InlineR => 8,
                            _ => 4,
                        };
                        break;
                }
            }
        }
        foreach (var nested in type.GetNestedTypes())
        {
            Walk(pe, reader, names, nested, found);
        }
    }

    private static IEnumerable<NamedType> Flatten(MethodSignature<IEnumerable<NamedType>> signature) =>
        signature.ReturnType.Concat(signature.ParameterTypes.SelectMany(p => p));

    /// <summary>Decodes signatures into the named types they contain; primitives and generic parameters name none.</summary>
    private sealed class Names : ISignatureTypeProvider<IEnumerable<NamedType>, object?>
    {
        private readonly MetadataReader reader;

        public Names(MetadataReader reader)
        {
            this.reader = reader;
            Self = reader.GetAssemblyDefinition().GetAssemblyName().FullName;
        }

        /// <summary>The full name of the assembly being read.</summary>
        public string Self { get; }

        public IEnumerable<NamedType> Of(TypeDefinitionHandle handle)
        {
            var type = reader.GetTypeDefinition(handle);
            var name = Qualified(type.Namespace, type.Name);
            var outer = type.GetDeclaringType();
            return new[] { new NamedType(Self, outer.IsNil ? name : $"{Of(outer).Single().Type}+{name}") };
        }

        public IEnumerable<NamedType> OfEntity(EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition: return Of((TypeDefinitionHandle)handle);
                case HandleKind.TypeReference: return OfReference((TypeReferenceHandle)handle);
                case HandleKind.TypeSpecification: return reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null);
                case HandleKind.FieldDefinition:
                    var field = reader.GetFieldDefinition((FieldDefinitionHandle)handle);
                    return Of(field.GetDeclaringType()).Concat(field.DecodeSignature(this, null));
                case HandleKind.MethodDefinition:
                    var method = reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                    return Of(method.GetDeclaringType()).Concat(Flatten(method.DecodeSignature(this, null)));
                case HandleKind.MemberReference:
                    var member = reader.GetMemberReference((MemberReferenceHandle)handle);
                    var parent = member.Parent.Kind == HandleKind.ModuleReference ? Enumerable.Empty<NamedType>() : OfEntity(member.Parent);
                    return parent.Concat(member.GetKind() == MemberReferenceKind.Method
                        ? Flatten(member.DecodeMethodSignature(this, null))
                        : member.DecodeFieldSignature(this, null));
                case HandleKind.MethodSpecification:
                    var spec = reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                    return OfEntity(spec.Method).Concat(spec.DecodeSignature(this, null).SelectMany(t => t));
                case HandleKind.StandaloneSignature:
                    return Flatten(reader.GetStandaloneSignature((StandaloneSignatureHandle)handle).DecodeMethodSignature(this, null));
                default:
                    throw new NotSupportedException($"A {handle.Kind} token in IL.");
            }
        }

        public IEnumerable<NamedType> OfReference(TypeReferenceHandle handle)
        {
            var type = reader.GetTypeReference(handle);
            var name = Qualified(type.Namespace, type.Name);
            return type.ResolutionScope.Kind switch
            {
                HandleKind.AssemblyReference => new[] { new NamedType(reader.GetAssemblyReference((AssemblyReferenceHandle)type.ResolutionScope).GetAssemblyName().FullName, name) },
                HandleKind.TypeReference => OfReference((TypeReferenceHandle)type.ResolutionScope).Select(outer => outer with { Type = $"{outer.Type}+{name}" }),
                _ => new[] { new NamedType(Self, name) },
            };
        }

        private string Qualified(StringHandle ns, StringHandle name) =>
            ns.IsNil || reader.GetString(ns).Length == 0 ? reader.GetString(name) : $"{reader.GetString(ns)}.{reader.GetString(name)}";

        public IEnumerable<NamedType> GetTypeFromDefinition(MetadataReader r, TypeDefinitionHandle handle, byte rawTypeKind) => Of(handle);
        public IEnumerable<NamedType> GetTypeFromReference(MetadataReader r, TypeReferenceHandle handle, byte rawTypeKind) => OfReference(handle);
        public IEnumerable<NamedType> GetTypeFromSpecification(MetadataReader r, object? context, TypeSpecificationHandle handle, byte rawTypeKind) => OfEntity(handle);
        public IEnumerable<NamedType> GetGenericInstantiation(IEnumerable<NamedType> generic, ImmutableArray<IEnumerable<NamedType>> arguments) => generic.Concat(arguments.SelectMany(a => a));
        public IEnumerable<NamedType> GetModifiedType(IEnumerable<NamedType> modifier, IEnumerable<NamedType> unmodified, bool isRequired) => modifier.Concat(unmodified);
        public IEnumerable<NamedType> GetFunctionPointerType(MethodSignature<IEnumerable<NamedType>> signature) => Flatten(signature);
        public IEnumerable<NamedType> GetSZArrayType(IEnumerable<NamedType> element) => element;
        public IEnumerable<NamedType> GetArrayType(IEnumerable<NamedType> element, ArrayShape shape) => element;
        public IEnumerable<NamedType> GetByReferenceType(IEnumerable<NamedType> element) => element;
        public IEnumerable<NamedType> GetPointerType(IEnumerable<NamedType> element) => element;
        public IEnumerable<NamedType> GetPinnedType(IEnumerable<NamedType> element) => element;
        public IEnumerable<NamedType> GetPrimitiveType(PrimitiveTypeCode typeCode) => Enumerable.Empty<NamedType>();
        public IEnumerable<NamedType> GetGenericMethodParameter(object? context, int index) => Enumerable.Empty<NamedType>();
        public IEnumerable<NamedType> GetGenericTypeParameter(object? context, int index) => Enumerable.Empty<NamedType>();
    }
}
