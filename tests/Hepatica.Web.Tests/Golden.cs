namespace Hepatica.Web.Tests;

/// <summary>
/// Compares text with an approved file; on a difference writes <c>*.received.*</c> beside it and fails (the house helper
/// of tests/Hepatica.Cli.Tests/GoldenTests.cs, for a file anywhere in the repository).
/// </summary>
internal static class Golden
{
    public static void Verify(string actual, string approvedPath)
    {
        var received = Path.ChangeExtension(approvedPath, ".received" + Path.GetExtension(approvedPath));
        actual = actual.ReplaceLineEndings("\n");
        var expected = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail($"{approvedPath} differs from what the host serves; see {received}.");
    }
}
