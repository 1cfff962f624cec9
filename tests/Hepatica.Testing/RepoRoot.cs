namespace Hepatica.Tests;

/// <summary>Finds the repository root (the folder holding Hepatica.slnx) from the test binary's folder, and the shared data beside it.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    /// <summary>A file or folder under the repository root.</summary>
    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>A file copied to the test binary's Fixtures folder.</summary>
    public static string Fixture(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

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

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Hepatica.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Hepatica.slnx not found above " + AppContext.BaseDirectory);
    }
}
