using Mesh.Silo.Hosting;

// A Mesh silo: `--help` lists every setting; `--migrate-only` applies the storage schema and exits.
return await MeshSiloHost.RunAsync(args);
