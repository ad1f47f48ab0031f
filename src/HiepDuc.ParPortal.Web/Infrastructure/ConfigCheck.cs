using System.Net;
using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace HiepDuc.ParPortal.Web.Infrastructure;

/// <summary>
/// <c>check-config</c>: checks a configuration before the first start — the database and its connection string (the
/// Data Protection keys live in it), the upload folder, e-mail, HTTPS and the reverse proxy — and says each problem in
/// plain words, Vietnamese then English. Exit code 0 when nothing is wrong, 1 otherwise. Runs before anything else, so
/// that a configuration the portal could not even start with is still checked.
/// </summary>
public static class ConfigCheck
{
    public const string Command = "check-config";

    public sealed record Finding(bool Ok, string Text);

    public static async Task<int> RunAsync(IConfiguration configuration, IHostEnvironment environment, TextWriter output, CancellationToken cancellationToken = default)
    {
        var findings = await CheckAsync(configuration, environment, cancellationToken);
        await output.WriteLineAsync($"Kiểm tra cấu hình ({environment.EnvironmentName}) / Configuration check:");
        foreach (var f in findings)
        {
            await output.WriteLineAsync($"  {(f.Ok ? "[ OK ]" : "[LỖI]")} {f.Text}");
        }

        var problems = findings.Count(f => !f.Ok);
        await output.WriteLineAsync(problems == 0
            ? "Không có lỗi: có thể khởi động. / No problem found: the portal can start."
            : $"{problems} lỗi cần sửa trước khi khởi động (docs/operations.md). / {problems} problem(s) to fix before the first start.");
        return problems == 0 ? 0 : 1;
    }

    public static async Task<IReadOnlyList<Finding>> CheckAsync(IConfiguration configuration, IHostEnvironment environment, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        var production = !environment.IsDevelopment() && !environment.IsEnvironment("Testing");
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();

        // The database (and with it the Data Protection keys, which the portal keeps in it).
        if (string.Equals(database.Provider, DatabaseOptions.SqlServer, StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(await SqlServerAsync(configuration.GetConnectionString(DatabaseOptions.SqlServer), cancellationToken));
        }
        else if (string.Equals(database.Provider, DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(Sqlite(configuration.GetConnectionString(DatabaseOptions.Sqlite), environment.ContentRootPath));
        }
        else
        {
            findings.Add(new(false, $"Database:Provider = '{database.Provider}' không hợp lệ: dùng Sqlite hoặc SqlServer. / Database:Provider must be Sqlite or SqlServer."));
        }

        // Folders the portal writes: evidence files, the first administrator's password file.
        var files = configuration.GetSection(Features.Files.FileStoreOptions.Section).Get<Features.Files.FileStoreOptions>() ?? new Features.Files.FileStoreOptions();
        findings.Add(Writable(Path.GetFullPath(Path.Combine(environment.ContentRootPath, files.Root)), "Files:Root (tệp minh chứng / evidence files)"));
        findings.Add(Writable(Path.GetDirectoryName(Path.GetFullPath(Path.Combine(environment.ContentRootPath, security.InitialAdminPasswordFile)))!,
            "Security:InitialAdminPasswordFile (thư mục / its folder)"));

        // E-mail.
        var reminders = configuration.GetValue("Reminders:Enabled", true);
        var smtp = configuration.GetSection(Features.Notifications.SmtpOptions.Section).Get<Features.Notifications.SmtpOptions>() ?? new Features.Notifications.SmtpOptions();
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            findings.Add(new(!production || !reminders,
                "Smtp:Host chưa đặt: nhắc việc chỉ hiện trong cổng, không gửi thư. / Smtp:Host is not set: reminders stay in the portal, no e-mail is sent."));
        }
        else
        {
            findings.Add(await ReachableAsync(smtp.Host, smtp.Port, $"Smtp:Host {smtp.Host}:{smtp.Port}", cancellationToken));
        }

        // HTTPS and the reverse proxy.
        var bad = security.KnownProxies.Where(p => !IPAddress.TryParse(p, out _)).ToList();
        if (bad.Count > 0)
        {
            findings.Add(new(false, $"Security:KnownProxies có địa chỉ không hợp lệ: {string.Join(", ", bad)} (cần địa chỉ IP). / Security:KnownProxies must be IP addresses."));
        }

        if (production)
        {
            findings.Add(new(security.SecureCookies,
                security.SecureCookies
                    ? "Cookie chỉ gửi qua HTTPS. / Cookies are sent over HTTPS only."
                    : "Security:SecureCookies = false khi chạy thật: cookie đăng nhập có thể bị lộ qua HTTP. / Security:SecureCookies is off in production: the sign-in cookie could travel over plain HTTP."));
            var https = (configuration["ASPNETCORE_URLS"] ?? configuration["urls"] ?? string.Empty).Contains("https://", StringComparison.OrdinalIgnoreCase)
                || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any(e => (e["Url"] ?? string.Empty).StartsWith("https://", StringComparison.OrdinalIgnoreCase));
            var proxied = security.KnownProxies.Any(p => IPAddress.TryParse(p, out _));
            findings.Add(new(https || proxied,
                https || proxied
                    ? "HTTPS: do Kestrel hoặc proxy ngược (Security:KnownProxies) phục vụ. / HTTPS is served by Kestrel or by a known reverse proxy."
                    : "Không thấy HTTPS: cấu hình Kestrel:Endpoints với chứng chỉ, hoặc đặt proxy ngược (nginx, IIS) và khai báo Security:KnownProxies. / No HTTPS: configure a Kestrel HTTPS endpoint, or a reverse proxy and Security:KnownProxies."));
        }

        return findings;
    }

    private static async Task<Finding> SqlServerAsync(string? connection, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(connection))
        {
            return new(false, "Thiếu ConnectionStrings:SqlServer (biến môi trường ConnectionStrings__SqlServer). / ConnectionStrings:SqlServer is missing.");
        }

        SqlConnectionStringBuilder builder;
        try
        {
            builder = new SqlConnectionStringBuilder(connection) { ConnectTimeout = 5 };
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            return new(false, $"ConnectionStrings:SqlServer viết sai: {ex.Message} / ConnectionStrings:SqlServer cannot be read.");
        }

        try
        {
            await using var sql = new SqlConnection(builder.ConnectionString);
            await sql.OpenAsync(cancellationToken);
            return new(true, $"SQL Server {builder.DataSource}, cơ sở dữ liệu {builder.InitialCatalog}: kết nối được (khóa bảo vệ cookie lưu ở đây). / SQL Server answers; the cookie keys are kept there.");
        }
        catch (SqlException ex)
        {
            return new(false, $"Không kết nối được SQL Server {builder.DataSource} ({ex.Message}). Kiểm tra máy chủ, tường lửa, tài khoản. / Cannot connect to SQL Server: check the server, the firewall and the login.");
        }
    }

    private static Finding Sqlite(string? configured, string contentRoot)
    {
        var file = new SqliteConnectionStringBuilder(DatabaseSetup.SqliteConnectionString(configured, contentRoot)).DataSource;
        var folder = Path.GetDirectoryName(file)!;
        var writable = Writable(folder, "ConnectionStrings:Sqlite");
        return writable.Ok
            ? new(true, $"SQLite: {file} (thư mục ghi được; khóa bảo vệ cookie lưu trong tệp này). / the folder is writable; the cookie keys are kept in this file.")
            : writable;
    }

    private static Finding Writable(string folder, string what)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".check-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
            return new(true, $"{what}: {folder} ghi được. / is writable.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new(false, $"{what}: không ghi được vào {folder} ({ex.Message}). Cấp quyền ghi cho tài khoản chạy cổng. / {folder} is not writable by the portal's account.");
        }
    }

    private static async Task<Finding> ReachableAsync(string host, int port, string what, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await client.ConnectAsync(host, port, timeout.Token);
            return new(true, $"{what}: kết nối được. / reachable.");
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return new(false, $"{what}: không kết nối được ({ex.Message}); thư nhắc việc sẽ chờ trong hàng đợi. / not reachable; reminder e-mails would wait in the outbox.");
        }
    }
}
