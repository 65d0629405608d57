using Mesh.Silo.Hosting;

if (SiloHelp.IsRequested(args))
{
    SiloHelp.Write(Console.Out);
    return 0;
}

try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.AddMeshSilo();
    var app = builder.Build();
    app.MapMeshHealth();
    app.MapMeshOperatorEndpoints();
    await app.RunAsync();
    return 0;
}
catch (Exception exception) when (SiloStartupError.TryDescribe(exception, out var message, out var exitCode))
{
    Console.Error.WriteLine(message);
    return exitCode;
}
