using HiepDuc.ParPortal.Web.Authorization;
using HiepDuc.ParPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HiepDuc.ParPortal.Web.Data.Seed;

/// <summary>
/// The roles, and — only while no administrator exists — an "admin" account with a random password written once
/// to a file readable by its owner alone. There is no default password anywhere.
/// </summary>
public sealed class IdentitySeed(
    UserManager<PortalUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<SecurityOptions> options,
    IHostEnvironment environment,
    ILogger<IdentitySeed> logger)
{
    public const string InitialAdminUserName = "admin";

    public string PasswordFilePath => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.InitialAdminPasswordFile));

    public async Task RunAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }

        if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0)
        {
            return;
        }

        var password = PasswordGenerator.Generate();
        var admin = await users.FindByNameAsync(InitialAdminUserName);
        if (admin is null)
        {
            admin = new PortalUser { UserName = InitialAdminUserName, MustChangePassword = true, LockoutEnabled = true };
            admin.SetProfile("Quản trị hệ thống", null, null);
            Check(await users.CreateAsync(admin, password));
        }
        else
        {
            admin.MustChangePassword = true;
            Check(await users.RemovePasswordAsync(admin));
            Check(await users.AddPasswordAsync(admin, password));
        }

        Check(await users.AddToRoleAsync(admin, Roles.Administrator));
        await WritePasswordFileAsync(password);
        logger.LogWarning(
            "No administrator existed: created user '{UserName}'. Its one-time password is in {PasswordFile}; sign in and change it — the file is then deleted",
            InitialAdminUserName, PasswordFilePath);
    }

    /// <summary>Called when the initial administrator has chosen their own password.</summary>
    public void ForgetInitialPassword()
    {
        if (File.Exists(PasswordFilePath))
        {
            File.Delete(PasswordFilePath);
            logger.LogInformation("Initial administrator password file {PasswordFile} deleted", PasswordFilePath);
        }
    }

    private async Task WritePasswordFileAsync(string password)
    {
        var path = PasswordFilePath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var streamOptions = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            streamOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(path, streamOptions))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteLineAsync($"user: {InitialAdminUserName}");
            await writer.WriteLineAsync($"password: {password}");
        }

        if (!OperatingSystem.IsWindows())
        {
            // An existing file keeps its old mode on re-creation: set it explicitly.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
