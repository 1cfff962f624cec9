namespace Hepatica.Store.Tests;

public sealed class StoreLocationTests
{
    [Fact]
    public void A_connection_string_with_a_host_is_PostgreSQL_and_is_shown_without_its_password()
    {
        var location = StoreLocation.Parse("Host=127.0.0.1;Port=5433;Database=hepatica;Username=h;Password=secret");
        Assert.Equal(StoreProvider.PostgreSql, location.Provider);
        Assert.DoesNotContain("secret", location.Display, StringComparison.Ordinal);
    }

    [Fact]
    public void Anything_else_is_a_SQLite_file()
    {
        var location = StoreLocation.Parse("some/dir/record.db");
        Assert.Equal(StoreProvider.Sqlite, location.Provider);
        Assert.EndsWith("record.db", location.Display, StringComparison.Ordinal);
    }
}
