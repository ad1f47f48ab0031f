namespace HiepDuc.ParPortal.Web.Tests.Infrastructure;

/// <summary>The seeded portal read on 08/12/2026 09:00 in Hiệp Đức: three years after the notice of 31/08/2023 and after the 2025 reform.</summary>
public sealed class PortalIn2026 : PortalFactory
{
    public static readonly DateTimeOffset Now = new(2026, 12, 8, 9, 0, 0, TimeSpan.FromHours(7));

    public PortalIn2026()
        : base(Now)
    {
    }
}
