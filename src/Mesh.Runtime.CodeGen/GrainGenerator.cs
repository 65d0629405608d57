using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mesh.Runtime.CodeGen;

/// <summary>
/// Generates, at build time, a typed proxy per grain interface, one invokable request class per grain method
/// (arguments as fields, no boxing, no reflection on the call path) and a registration class per assembly.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class GrainGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var interfaces = context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => node is InterfaceDeclarationSyntax { BaseList: not null },
                static (ctx, ct) =>
                {
                    var diagnostics = new List<Diagnostic>();
                    var symbol = ctx.SemanticModel.GetDeclaredSymbol(ctx.Node, ct) as INamedTypeSymbol;
                    var model = symbol is null ? null : ModelExtractor.ExtractInterface(symbol, diagnostics);
                    return (Model: model, Diagnostics: diagnostics.ToImmutableArray());
                })
            .Where(static x => x.Model is not null || x.Diagnostics.Length > 0);

        var grains = context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => node is ClassDeclarationSyntax { BaseList: not null },
                static (ctx, ct) => ctx.SemanticModel.GetDeclaredSymbol(ctx.Node, ct) is INamedTypeSymbol symbol
                    ? ModelExtractor.ExtractGrainClass(symbol)
                    : null)
            .Where(static x => x is not null);

        context.RegisterSourceOutput(interfaces, static (spc, item) =>
        {
            foreach (var diagnostic in item.Diagnostics)
            {
                spc.ReportDiagnostic(diagnostic);
            }

            if (item.Model is { } model)
            {
                spc.AddSource("Proxy_" + model.MangledName + ".g.cs", Emitter.EmitInterface(model));
            }
        });

        var all = interfaces.Select(static (x, _) => x.Model).Where(static x => x is not null).Collect()
            .Combine(grains.Collect())
            .Combine(context.CompilationProvider.Select(static (c, _) => c.AssemblyName ?? "Unknown"));

        context.RegisterSourceOutput(all, static (spc, item) =>
        {
            var ((ifaces, classes), assemblyName) = item;
            var interfaceModels = ifaces.Where(i => i is not null).Select(i => i!).Distinct().ToList();
            var grainModels = new List<GrainClassModel>();
            foreach (var grain in classes.Where(c => c is not null).Select(c => c!).Distinct())
            {
                if (grain.Error is not null)
                {
                    spc.ReportDiagnostic(Diagnostic.Create(Diagnostics.BadGrainClass, Location.None, grain.FullName, grain.Error));
                    continue;
                }

                grainModels.Add(grain);
            }

            if (interfaceModels.Count == 0 && grainModels.Count == 0)
            {
                return;
            }

            spc.AddSource("GrainRegistration.g.cs", Emitter.EmitRegistration(assemblyName, interfaceModels, grainModels));
        });
    }
}
