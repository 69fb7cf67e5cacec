using System;
using System.IO;
using Xunit;

namespace PriceGen.Storage.Tests;

/// <summary>The fixture never skips silently: without PostgreSQL it fails and says how to install it.</summary>
[Collection(StoreCollection.Name)]
public class ThrowawayPostgresTests
{
    [Fact]
    public void Without_postgresql_the_tests_fail_with_how_to_install_it()
    {
        var empty = Directory.CreateTempSubdirectory("pricegen-no-pg-").FullName;
        var before = Environment.GetEnvironmentVariable("PRICEGEN_POSTGRES_BIN");
        try
        {
            Environment.SetEnvironmentVariable("PRICEGEN_POSTGRES_BIN", empty);

            var error = Assert.Throws<InvalidOperationException>(() => new ThrowawayPostgres());

            Assert.StartsWith("PRICEGEN_POSTGRES_BIN is '" + empty + "', which holds no initdb. PostgreSQL was not found", error.Message);
            Assert.Contains("apt-get install postgresql", error.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PRICEGEN_POSTGRES_BIN", before);
            Directory.Delete(empty);
        }
    }
}
