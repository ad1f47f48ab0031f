using System.Net;
using System.Net.Sockets;
using HiepDuc.ParPortal.Web.Infrastructure;
using HiepDuc.ParPortal.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace HiepDuc.ParPortal.Web.Tests;

/// <summary><c>check-config</c> on a good and a bad production configuration: each problem named, nothing missed.</summary>
public sealed class Check_config_tells_each_problem_before_the_first_start : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("parportal-config-").FullName;

    [Fact]
    public async Task A_good_production_configuration_passes()
    {
        using var smtp = new TcpListener(IPAddress.Loopback, 0);
        smtp.Start();
        var port = ((IPEndPoint)smtp.LocalEndpoint).Port;
        var (code, output) = await RunAsync(new()
        {
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(_root, "data", "parportal.db")}",
            ["Files:Root"] = Path.Combine(_root, "files"),
            ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Security:KnownProxies:0"] = "10.0.0.5",
        });
        Assert.True(code == 0, output);
        Assert.Contains("Không có lỗi", output, StringComparison.Ordinal);
        Assert.DoesNotContain("[LỖI]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_one_names_every_problem_in_plain_words()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there any more
        var blocker = Path.Combine(_root, "a-file");
        await File.WriteAllTextAsync(blocker, "x");
        var (code, output) = await RunAsync(new()
        {
            ["Database:Provider"] = "SqlServer",
            ["Files:Root"] = Path.Combine(blocker, "files"), // under a file: cannot be created
            ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Security:SecureCookies"] = "false",
            ["Security:KnownProxies:0"] = "proxy.local",
        });
        Assert.Equal(1, code);
        foreach (var expected in new[]
        {
            "Thiếu ConnectionStrings:SqlServer", "Files:Root (tệp minh chứng / evidence files): không ghi được", "Smtp:Host 127.0.0.1", "không kết nối được",
            "Security:SecureCookies = false", "Security:KnownProxies có địa chỉ không hợp lệ: proxy.local", "Không thấy HTTPS", "6 lỗi cần sửa",
        })
        {
            Assert.True(output.Contains(expected, StringComparison.Ordinal), $"missing \"{expected}\" in:\n{output}");
        }
    }

    [Fact]
    public async Task A_sql_server_that_does_not_answer_is_said_so()
    {
        var (code, output) = await RunAsync(new()
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:SqlServer"] = "Server=127.0.0.1,1;Database=ParPortal;User Id=portal;Password=x;TrustServerCertificate=True;Connect Timeout=2",
            ["Files:Root"] = Path.Combine(_root, "files"),
            ["Smtp:Host"] = string.Empty, ["Reminders:Enabled"] = "false",
            ["Security:KnownProxies:0"] = "127.0.0.1",
        });
        Assert.Equal(1, code);
        Assert.Contains("Không kết nối được SQL Server 127.0.0.1,1", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private async Task<(int Code, string Output)> RunAsync(Dictionary<string, string?> settings)
    {
        settings["Security:InitialAdminPasswordFile"] = Path.Combine(_root, "admin.txt");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var output = new StringWriter();
        var code = await ConfigCheck.RunAsync(configuration, new Production(_root), output);
        return (code, output.ToString());
    }

    private sealed class Production(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "HiepDuc.ParPortal.Web";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

/// <summary>The console of a first start says where to go, where the password is and what to do; later starts say the address.</summary>
public sealed class The_first_start_explains_itself : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"parportal-first-{Guid.NewGuid():N}.db");

    [SqliteFact]
    public async Task The_block_appears_until_the_first_password_is_changed()
    {
        using (var first = await PortalProcess.StartAsync(_database))
        {
            var output = await WaitForAsync(first, "One-time password in");
            Assert.Contains($"{first.Root.ToString().TrimEnd('/')}", output, StringComparison.Ordinal);
            Assert.Contains($"{_database}.admin.txt", output, StringComparison.Ordinal);
            Assert.Contains("Tiếp theo: đăng nhập, đổi mật khẩu", output, StringComparison.Ordinal);
            Assert.Contains("+----", output, StringComparison.Ordinal);
        }

        // The administrator chose a password: the file is gone, and the console says the address only.
        File.Delete($"{_database}.admin.txt");
        using var later = await PortalProcess.StartAsync(_database);
        var again = await WaitForAsync(later, "HiepDuc.ParPortal: ");
        Assert.DoesNotContain("One-time password", again, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", ".running", ".admin.txt" })
        {
            File.Delete(_database + suffix);
        }
    }

    private static async Task<string> WaitForAsync(PortalProcess portal, string text)
    {
        for (var i = 0; i < 100 && !portal.Output.Contains(text, StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
        }

        Assert.Contains(text, portal.Output, StringComparison.Ordinal);
        return portal.Output;
    }
}
