using System.ComponentModel.DataAnnotations;

namespace HiepDuc.ParPortal.Web.Features.Account;

public sealed class LoginModel
{
    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(256, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Account_UserName")]
    public string UserName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(128, ErrorMessage = "Validation_MaxLength")]
    [DataType(DataType.Password)]
    [Display(Name = "Account_Password")]
    public string Password { get; set; } = string.Empty;

    [StringLength(2000)]
    public string? ReturnUrl { get; set; }
}

public sealed class ChangePasswordModel
{
    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(128, ErrorMessage = "Validation_MaxLength")]
    [DataType(DataType.Password)]
    [Display(Name = "Account_CurrentPassword")]
    public string CurrentPassword { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(128, MinimumLength = 10, ErrorMessage = "Validation_Length")]
    [DataType(DataType.Password)]
    [Display(Name = "Account_NewPassword")]
    public string NewPassword { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation_Required")]
    [Compare(nameof(NewPassword), ErrorMessage = "Account_PasswordsDiffer")]
    [DataType(DataType.Password)]
    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Account_ConfirmPassword")]
    public string ConfirmPassword { get; set; } = string.Empty;
}
