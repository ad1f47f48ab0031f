using HiepDuc.ParPortal.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace HiepDuc.ParPortal.Web.Data;

/// <summary>A person who signs in: office staff, a unit head, the chairman, an administrator.</summary>
public sealed class PortalUser : IdentityUser
{
    public string FullName { get; set; } = string.Empty;

    /// <summary>The unit the user speaks for (required for unit heads).</summary>
    public int? UnitId { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Set for a new or reset password: the user must choose a new one at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }

    public bool EmailNotifications { get; set; } = true;

    /// <summary>The kinds of notification this person does not want by e-mail (comma-separated <c>ReminderKind</c> names); the bell shows them all.</summary>
    public string MutedEmailKinds { get; set; } = string.Empty;

    /// <summary>Name, user name and e-mail folded for accent-insensitive search.</summary>
    public string SearchKey { get; private set; } = string.Empty;

    public void SetProfile(string fullName, string? email, int? unitId)
    {
        FullName = fullName.Trim();
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        UnitId = unitId;
        SearchKey = VietnameseText.Fold($"{FullName} {UserName} {Email}");
    }
}
