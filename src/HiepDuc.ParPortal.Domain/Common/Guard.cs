namespace HiepDuc.ParPortal.Domain.Common;

internal static class Guard
{
    public static string Required(string? value, string code, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException(code, $"{what} là bắt buộc.");
        }

        return value.Trim();
    }

    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
