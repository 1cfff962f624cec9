namespace Hepatica.Tests;

/// <summary>
/// Compares text with a reviewed <c>*.approved.*</c> file; on a difference writes <c>*.received.*</c> beside it and
/// fails. Review the received file and, if it is right, move it over the approved one (docs/testing.md).
/// </summary>
public static class Golden
{
    public static void Verify(string actual, string approvedPath)
    {
        var received = ReceivedPath(approvedPath);
        actual = actual.ReplaceLineEndings("\n");
        var expected = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(approvedPath)!);
        File.WriteAllText(received, actual);
        Assert.Fail($"{approvedPath} differs from the output; see {received}.");
    }

    /// <summary><c>X.approved.json</c> becomes <c>X.received.json</c>; a file without <c>.approved.</c> (docs/openapi/v1.json) gets <c>.received</c> before its extension.</summary>
    public static string ReceivedPath(string approvedPath)
    {
        var name = Path.GetFileName(approvedPath);
        return Path.Combine(Path.GetDirectoryName(approvedPath)!, name.Contains(".approved.", StringComparison.Ordinal)
            ? name.Replace(".approved.", ".received.", StringComparison.Ordinal)
            : Path.GetFileNameWithoutExtension(name) + ".received" + Path.GetExtension(name));
    }
}
