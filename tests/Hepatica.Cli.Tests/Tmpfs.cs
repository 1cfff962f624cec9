using System.Diagnostics;

namespace Hepatica.Cli.Tests;

/// <summary>
/// A small tmpfs mounted on a folder the test owns: the real "disk full". Mounting needs root (CI runs as root). Where
/// <c>mount</c> is refused the test is reported as skipped with the reason, never passed; under CI (<c>CI=true</c>)
/// it fails instead, so the check cannot be lost silently.
/// </summary>
internal sealed class Tmpfs : IDisposable
{
    private Tmpfs(string path) => Path = path;

    public string Path { get; }

    public static Tmpfs Mount(string path, int kilobytes)
    {
        Directory.CreateDirectory(path);
        var (code, error) = Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k,mode=0700", "tmpfs", path);
        if (code != 0)
        {
            var reason = $"DISK-FULL TEST NOT RUN: mount -t tmpfs was refused ({error.Trim()}); it needs root.";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(reason + " CI must run it.");
            }

            Assert.Skip(reason);
        }

        return new Tmpfs(path);
    }

    public void Dispose() => Run("umount", Path);

    private static (int Code, string Error) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        try
        {
            using var p = Process.Start(start)!;
            var error = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, error);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
