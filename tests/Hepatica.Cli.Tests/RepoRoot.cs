namespace Hepatica.Cli.Tests;

/// <summary>Finds the repository root (the folder holding Hepatica.slnx) from the test binary's folder.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

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
