namespace HiepDuc.ParPortal.Web.Tests.Infrastructure;

public static class Paths
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Where browser tests save their screenshots (artifacts/screenshots, ignored by git).</summary>
    public static string Screenshots
    {
        get
        {
            var dir = Path.Combine(RepositoryRoot, "artifacts", "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HiepDuc.ParPortal.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root (HiepDuc.ParPortal.sln) not found.");
    }
}
