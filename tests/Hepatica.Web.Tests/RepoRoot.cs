namespace Hepatica.Web.Tests;

/// <summary>Finds the repository root (the folder holding Hepatica.slnx) from the test binary's folder.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Hepatica.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Hepatica.slnx not found above " + AppContext.BaseDirectory);
    }
}
