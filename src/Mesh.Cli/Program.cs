using Mesh.Cli.Hosting;

// The mesh command line: `mesh --help` lists the commands; exit codes are in Hosting/ExitCodes.cs and the README.
return await MeshCli.RunAsync(args, CliEnvironment.FromProcess());
