using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Mesh.Runtime.CodeGen;

/// <summary>Turns Roslyn symbols into the equatable models the emitter consumes.</summary>
internal static class ModelExtractor
{
    public const string GrainInterfaceName = "Mesh.Runtime.IGrain";
    public const string GrainBaseName = "Mesh.Runtime.Grain";

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly HashSet<string> MarkerInterfaces = new()
    {
        "Mesh.Runtime.IGrain",
        "Mesh.Runtime.IGrainWithStringKey",
    };

    public static bool IsGrainInterface(INamedTypeSymbol symbol) =>
        symbol.TypeKind == TypeKind.Interface
        && !MarkerInterfaces.Contains(MetadataName(symbol))
        && symbol.AllInterfaces.Any(i => MetadataName(i) == GrainInterfaceName);

    public static string MetadataName(INamedTypeSymbol symbol) =>
        symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty);

    public static string Mangle(string name)
    {
        var chars = name.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray();
        return new string(chars);
    }

    public static InterfaceModel? ExtractInterface(INamedTypeSymbol symbol, List<Diagnostic> diagnostics)
    {
        if (!IsGrainInterface(symbol))
        {
            return null;
        }

        if (symbol.IsGenericType)
        {
            diagnostics.Add(Diagnostic.Create(Diagnostics.GenericGrainInterface, symbol.Locations.FirstOrDefault(), symbol.Name));
            return null;
        }

        var methods = new List<MethodModel>();
        var sources = new[] { symbol }.Concat(symbol.AllInterfaces.Where(IsGrainInterface));
        foreach (var iface in sources)
        {
            foreach (var method in iface.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary))
            {
                var model = ExtractMethod(iface, method, diagnostics);
                if (model is not null)
                {
                    methods.Add(model);
                }
            }
        }

        var metadataName = MetadataName(symbol);
        return new InterfaceModel(
            symbol.ToDisplayString(TypeFormat),
            metadataName,
            Mangle(metadataName),
            new EquatableArray<MethodModel>(methods.ToArray()));
    }

    private static MethodModel? ExtractMethod(INamedTypeSymbol iface, IMethodSymbol method, List<Diagnostic> diagnostics)
    {
        if (method.IsGenericMethod)
        {
            diagnostics.Add(Diagnostic.Create(Diagnostics.GenericGrainMethod, method.Locations.FirstOrDefault(), method.Name));
            return null;
        }

        var returnType = method.ReturnType as INamedTypeSymbol;
        var returnName = returnType is null ? string.Empty : returnType.ConstructedFrom.ToDisplayString();
        ReturnKind kind;
        var resultType = "global::Mesh.Runtime.Invocation.VoidResult";
        switch (returnName)
        {
            case "System.Threading.Tasks.Task":
                kind = ReturnKind.Task;
                break;
            case "System.Threading.Tasks.Task<TResult>":
                kind = ReturnKind.TaskOfT;
                resultType = returnType!.TypeArguments[0].ToDisplayString(TypeFormat);
                break;
            case "System.Threading.Tasks.ValueTask":
                kind = ReturnKind.ValueTask;
                break;
            case "System.Threading.Tasks.ValueTask<TResult>":
                kind = ReturnKind.ValueTaskOfT;
                resultType = returnType!.TypeArguments[0].ToDisplayString(TypeFormat);
                break;
            default:
                diagnostics.Add(Diagnostic.Create(Diagnostics.BadReturnType, method.Locations.FirstOrDefault(), method.Name, method.ReturnType.ToDisplayString()));
                return null;
        }

        var parameters = method.Parameters
            .Select(p => new ParameterModel(
                p.Type.ToDisplayString(TypeFormat),
                p.Name,
                p.Type.ToDisplayString() == "System.Threading.CancellationToken"))
            .ToArray();
        var methodId = method.Name + "(" + string.Join(",", method.Parameters.Select(p => p.Type.ToDisplayString())) + ")";
        var attributes = method.GetAttributes().Select(a => a.AttributeClass?.ToDisplayString()).ToList();
        return new MethodModel(
            iface.ToDisplayString(TypeFormat),
            method.Name,
            methodId,
            kind,
            method.ReturnType.ToDisplayString(TypeFormat),
            resultType,
            new EquatableArray<ParameterModel>(parameters),
            attributes.Contains("Mesh.Runtime.ReadOnlyAttribute"),
            attributes.Contains("Mesh.Runtime.AlwaysInterleaveAttribute"));
    }

    public static GrainClassModel? ExtractGrainClass(INamedTypeSymbol symbol)
    {
        if (symbol.TypeKind != TypeKind.Class || symbol.IsAbstract || symbol.IsGenericType || !DerivesFromGrain(symbol))
        {
            return null;
        }

        var interfaces = symbol.AllInterfaces.Where(IsGrainInterface).Select(i => i.ToDisplayString(TypeFormat)).ToArray();
        var fullName = symbol.ToDisplayString(TypeFormat);
        var grainType = ExplicitGrainType(symbol) ?? DefaultGrainType(symbol.Name);
        var reentrant = symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "Mesh.Runtime.ReentrantAttribute");
        var ctor = symbol.InstanceConstructors
            .Where(c => c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal)
            .OrderByDescending(c => c.Parameters.Length)
            .FirstOrDefault();
        if (ctor is null)
        {
            return new GrainClassModel(fullName, Mangle(MetadataName(symbol)), grainType, reentrant, new EquatableArray<string>(interfaces), default, "no public constructor");
        }

        var parameters = ctor.Parameters.Select(ExtractCtorParameter).ToArray();
        return new GrainClassModel(
            fullName,
            Mangle(MetadataName(symbol)),
            grainType,
            reentrant,
            new EquatableArray<string>(interfaces),
            new EquatableArray<CtorParameterModel>(parameters),
            null);
    }

    private static CtorParameterModel ExtractCtorParameter(IParameterSymbol parameter)
    {
        var type = parameter.Type.ToDisplayString(TypeFormat);
        var attribute = parameter.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "Mesh.Runtime.PersistentStateAttribute");
        if (attribute is null || parameter.Type is not INamedTypeSymbol { TypeArguments.Length: 1 } stateInterface)
        {
            return new CtorParameterModel(type, null, null, null);
        }

        var stateName = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
        var storageName = attribute.ConstructorArguments.Length > 1 ? attribute.ConstructorArguments[1].Value as string : null;
        return new CtorParameterModel(type, stateName ?? parameter.Name, storageName, stateInterface.TypeArguments[0].ToDisplayString(TypeFormat));
    }

    private static bool DerivesFromGrain(INamedTypeSymbol symbol)
    {
        for (var current = symbol.BaseType; current is not null; current = current.BaseType)
        {
            if (current.ToDisplayString() == GrainBaseName)
            {
                return true;
            }
        }

        return false;
    }

    private static string? ExplicitGrainType(INamedTypeSymbol symbol) =>
        symbol.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == "Mesh.Runtime.GrainTypeAttribute")
            .Select(a => a.ConstructorArguments.FirstOrDefault().Value as string)
            .FirstOrDefault();

    private static string DefaultGrainType(string className)
    {
        var name = className.EndsWith("Grain", System.StringComparison.Ordinal) && className.Length > 5
            ? className.Substring(0, className.Length - 5)
            : className;
        return name.ToLowerInvariant();
    }
}
