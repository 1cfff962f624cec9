using System.Reflection;
using System.Text.Json;
using Hepatica.Clinical;

namespace Hepatica.Json.Tests;

/// <summary>
/// The core names snapshot paths through <see cref="SnapshotKeys"/> (issue 12: each key written once); the contract's
/// tables define them. Every constant must be a path of the schema written from those tables, so renaming or removing
/// a key in SnapshotContract.cs fails here instead of leaving a stale name in a "missing" list.
/// </summary>
public sealed class SnapshotKeysTests
{
    public static TheoryData<string> Constants()
    {
        var data = new TheoryData<string>();
        foreach (var path in Walk(typeof(SnapshotKeys)))
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Constants))]
    public void SnapshotKeys_EveryConstant_IsAPathOfTheContract(string path)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(RepoRoot.File("docs", "schema", "snapshot.schema.json")));

        var node = schema.RootElement;
        foreach (var key in path.Split('.'))
        {
            if (node.TryGetProperty("items", out var items))
            {
                node = items; // an array of objects: its keys are the items' keys
            }

            Assert.True(node.TryGetProperty("properties", out var properties) && properties.TryGetProperty(key, out node), $"{path}: '{key}' is not a key of the contract");
        }
    }

    [Fact]
    public void SnapshotKeys_ConstantNames_SpellTheirPaths()
    {
        foreach (var (field, path) in Fields(typeof(SnapshotKeys), ""))
        {
            Assert.Equal(path, (string)field.GetRawConstantValue()!);
        }
    }

    private static IEnumerable<string> Walk(Type type) => Fields(type, "").Select(f => (string)f.Field.GetRawConstantValue()!);

    // SnapshotKeys.Labs.AltUpperLimit is "labs.altUpperLimit": each class and constant is its key with a capital first letter.
    private static IEnumerable<(FieldInfo Field, string Path)> Fields(Type type, string prefix)
    {
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
        {
            yield return (field, prefix + Camel(field.Name));
        }

        foreach (var nested in type.GetNestedTypes())
        {
            foreach (var inner in Fields(nested, prefix + Camel(nested.Name) + "."))
            {
                yield return inner;
            }
        }
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
