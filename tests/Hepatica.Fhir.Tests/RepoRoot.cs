namespace Hepatica.Fhir.Tests;

/// <summary>Finds the repository root (the folder holding Hepatica.slnx) and the shared data beside it.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    /// <summary>
    /// ../shared next to the repository (CI clones the repository beside it). Missing shared data is a broken checkout,
    /// not a reason to skip: this throws, so the tests that need it fail loudly.
    /// </summary>
    public static string SharedData(params string[] parts)
    {
        var shared = System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, "..", "shared", "data"));
        if (!Directory.Exists(shared))
        {
            throw new DirectoryNotFoundException($"The shared data folder {shared} is missing: clone the repository next to ../shared (see README).");
        }

        return System.IO.Path.Combine([shared, .. parts]);
    }

    public static string Fixture(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Hepatica.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Hepatica.slnx not found above " + AppContext.BaseDirectory);
    }
}
