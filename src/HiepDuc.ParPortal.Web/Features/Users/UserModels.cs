using System.ComponentModel.DataAnnotations;
using HiepDuc.ParPortal.Web.Features.Shared;
using Microsoft.Extensions.Localization;

namespace HiepDuc.ParPortal.Web.Features.Users;

public sealed class UserEditModel : IValidatableObject
{
    [Required(ErrorMessage = "Validation_Required")]
    [RegularExpression(@"^[A-Za-z0-9._@-]{3,64}$", ErrorMessage = "Users_UserNameFormat")]
    [Display(Name = "Account_UserName")]
    public string UserName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Users_FullName")]
    public string FullName { get; set; } = string.Empty;

    [EmailAddress(ErrorMessage = "Validation_Email")]
    [StringLength(256, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Users_Email")]
    public string? Email { get; set; }

    [Display(Name = "Users_Unit")]
    public int? UnitId { get; set; }

    [Display(Name = "Users_Roles")]
    public List<string> Roles { get; set; } = [];

    [StringLength(64)]
    public string? ConcurrencyStamp { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var l = (IStringLocalizer?)validationContext.GetService(typeof(IStringLocalizer<SharedResource>));
        string T(string key) => l?[key].Value ?? key;
        if (Roles.Count == 0)
        {
            yield return new ValidationResult(T("Users_RoleRequired"), [nameof(Roles)]);
        }

        if (Roles.Except(Authorization.Roles.All).Any())
        {
            yield return new ValidationResult(T("Users_RoleUnknown"), [nameof(Roles)]);
        }

        if (Roles.Contains(Authorization.Roles.UnitHead) && UnitId is null)
        {
            yield return new ValidationResult(T("Users_UnitRequired"), [nameof(UnitId)]);
        }
    }
}

public sealed record UserListItem(string Id, string? UserName, string FullName, string? Email, string? Unit, bool IsActive, DateTimeOffset? LockoutEnd, IReadOnlyList<string> Roles);

public sealed record UserListModel(IReadOnlyList<UserListItem> Items, string? Query, int Page, bool HasNext);

public sealed record UnitOption(int Id, string Name);

public sealed record OneTimePasswordModel(string UserName, string FullName, string Password);
