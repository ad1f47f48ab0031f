using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace HiepDuc.ParPortal.Web.Authorization;

/// <summary>Identity's messages in the user's language (Vietnamese first).</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => E(nameof(DefaultError), l["Identity_DefaultError"]);

    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), l["Identity_ConcurrencyFailure"]);

    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), l["Identity_PasswordMismatch"]);

    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), l.GetString("Identity_PasswordTooShort", length));

    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), l["Identity_PasswordRequiresDigit"]);

    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), l["Identity_PasswordRequiresLower"]);

    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), l["Identity_PasswordRequiresUpper"]);

    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), l["Identity_PasswordRequiresNonAlphanumeric"]);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), l.GetString("Identity_PasswordRequiresUniqueChars", uniqueChars));

    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), l.GetString("Identity_DuplicateUserName", userName));

    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), l.GetString("Identity_DuplicateEmail", email));

    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), l.GetString("Identity_InvalidUserName", userName ?? string.Empty));

    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), l.GetString("Identity_InvalidEmail", email ?? string.Empty));

    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), l["Identity_DefaultError"]);

    private static IdentityError E(string code, string description) => new() { Code = code, Description = description };
}
