[assembly: Xunit.TestFramework("Mesh.Testing.MeshTestFramework", "Mesh.Testing")]
