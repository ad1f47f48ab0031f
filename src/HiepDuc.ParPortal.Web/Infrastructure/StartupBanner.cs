using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace HiepDuc.ParPortal.Web.Infrastructure;

/// <summary>
/// What the console says once the portal listens. The first time — while the first administrator's one-time password
/// file is still there — a framed block in Vietnamese and English: the address to open, where the password is, and
/// what to do next. Later runs say the address only.
/// </summary>
public static class StartupBanner
{
    public static void Register(WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            using var scope = app.Services.CreateScope();
            var passwordFile = scope.ServiceProvider.GetRequiredService<Data.Seed.IdentitySeed>().PasswordFilePath;
            Console.Out.Write(Text(addresses.Select(Browsable).ToList(), File.Exists(passwordFile) ? passwordFile : null));
            Console.Out.Flush();
        });

    /// <summary>The text printed: the block when <paramref name="passwordFile"/> is given, else one line.</summary>
    public static string Text(IReadOnlyList<string> urls, string? passwordFile)
    {
        var url = urls.FirstOrDefault(u => u.StartsWith("http://", StringComparison.Ordinal)) ?? (urls.Count > 0 ? urls[0] : "http://localhost:5080");
        if (passwordFile is null)
        {
            return $"HiepDuc.ParPortal: {string.Join("  ", urls.DefaultIfEmpty(url))}{Environment.NewLine}";
        }

        string[] lines =
        [
            "Cổng theo dõi CCHC & CĐS đã chạy / The portal is running",
            string.Empty,
            $"  Mở / Open:                {url}",
            $"  Tài khoản / Account:      {Data.Seed.IdentitySeed.InitialAdminUserName}",
            $"  Mật khẩu một lần trong / One-time password in:",
            $"    {passwordFile}",
            string.Empty,
            "  Tiếp theo: đăng nhập, đổi mật khẩu (tệp trên tự xóa), rồi tạo tài khoản",
            "  cho Văn phòng, Chủ tịch và các đơn vị tại Quản trị → Người dùng.",
            "  Next: sign in, change the password (the file is then deleted), then create",
            "  the office's, the chairman's and the units' accounts under Admin → Users.",
        ];
        var width = lines.Max(l => l.Length) + 2;
        var border = "+" + new string('-', width + 2) + "+";
        var block = new System.Text.StringBuilder().AppendLine().AppendLine(border);
        foreach (var line in lines)
        {
            block.Append("| ").Append(line.PadRight(width)).AppendLine(" |");
        }

        return block.AppendLine(border).AppendLine().ToString();
    }

    /// <summary>"http://[::]:5080" or "http://0.0.0.0:5080" is where it listens; a browser opens localhost.</summary>
    private static string Browsable(string address) =>
        address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal);
}
