using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HiepDuc.ParPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Changes = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: true),
                    IpAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KpiDefinitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NumeratorLabel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DenominatorLabel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TargetKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TargetValue = table.Column<double>(type: "REAL", nullable: true),
                    TargetReference = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    TargetSource = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ScoreThreshold = table.Column<double>(type: "REAL", nullable: true),
                    ScoreMax = table.Column<double>(type: "REAL", nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    SearchKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Keywords = table.Column<string>(type: "TEXT", maxLength: 1300, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiDefinitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Leases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExpiresAtUnixMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Leases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "Notices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    IssuingBody = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IssueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MeetingDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    MeetingBody = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Session = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ChairedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SignedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    FullText = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    SearchKey = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    IssuerKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NumberKey = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ContentKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublicSince = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AssignmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Link = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EventKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxEmails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    To = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    TextBody = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    HtmlBody = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxEmails", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PortalSettings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    IsSecret = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalSettings", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "ReminderLogs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssignmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderLogs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SignInThrottles",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    LastFailureAt = table.Column<long>(type: "INTEGER", nullable: false),
                    BlockedUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInThrottles", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "UnitGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitGroups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Units",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ShortName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    SearchKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    SucceededById = table.Column<int>(type: "INTEGER", nullable: true),
                    SucceededOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Units", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Units_Units_SucceededById",
                        column: x => x.SucceededById,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KpiDistrictTotals",
                columns: table => new
                {
                    KpiId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Numerator = table.Column<long>(type: "INTEGER", nullable: false),
                    Denominator = table.Column<long>(type: "INTEGER", nullable: false),
                    Units = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiDistrictTotals", x => new { x.KpiId, x.PeriodStart, x.PeriodEnd });
                    table.ForeignKey(
                        name: "FK_KpiDistrictTotals_KpiDefinitions_KpiId",
                        column: x => x.KpiId,
                        principalTable: "KpiDefinitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KpiReferences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KpiId = table.Column<int>(type: "INTEGER", nullable: false),
                    Series = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Rate = table.Column<double>(type: "REAL", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiReferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KpiReferences_KpiDefinitions_KpiId",
                        column: x => x.KpiId,
                        principalTable: "KpiDefinitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NoticeReferences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ConclusionNoticeId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeReferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NoticeReferences_Notices_ConclusionNoticeId",
                        column: x => x.ConclusionNoticeId,
                        principalTable: "Notices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApiTokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Scopes = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastUsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiTokens_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    MustChangePassword = table.Column<bool>(type: "INTEGER", nullable: false),
                    EmailNotifications = table.Column<bool>(type: "INTEGER", nullable: false),
                    MutedEmailKinds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SearchKey = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Directives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NoticeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    FullText = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    MonitoringUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsCancelled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SearchKey = table.Column<string>(type: "TEXT", maxLength: 22000, nullable: false),
                    RollupDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RollupActive = table.Column<int>(type: "INTEGER", nullable: false),
                    RollupCompleted = table.Column<int>(type: "INTEGER", nullable: false),
                    DeadlineUrgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeadlineKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DeadlineLastDay = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeadlineRecurrence = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    DeadlineWrittenAs = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Directives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Directives_Notices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "Notices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Directives_Units_MonitoringUnitId",
                        column: x => x.MonitoringUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KpiMeasurements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KpiId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    NoticeId = table.Column<int>(type: "INTEGER", nullable: true),
                    Numerator = table.Column<long>(type: "INTEGER", nullable: true),
                    Denominator = table.Column<long>(type: "INTEGER", nullable: true),
                    StatedRate = table.Column<double>(type: "REAL", nullable: true),
                    Qualifier = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiMeasurements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KpiMeasurements_KpiDefinitions_KpiId",
                        column: x => x.KpiId,
                        principalTable: "KpiDefinitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KpiMeasurements_Notices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "Notices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KpiMeasurements_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Reorganisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SuccessorUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MovedAssignments = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reorganisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reorganisations_Units_SuccessorUnitId",
                        column: x => x.SuccessorUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UnitGroupMember",
                columns: table => new
                {
                    UnitGroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitGroupMember", x => new { x.UnitGroupId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_UnitGroupMember_UnitGroups_UnitGroupId",
                        column: x => x.UnitGroupId,
                        principalTable: "UnitGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UnitGroupMember_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UnitTallies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Settled = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    LastDayInForce = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HeardOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsUrgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Reported = table.Column<int>(type: "INTEGER", nullable: false),
                    LastHeardOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitTallies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnitTallies_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdempotentRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TokenId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 1000000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotentRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IdempotentRequests_ApiTokens_TokenId",
                        column: x => x.TokenId,
                        principalTable: "ApiTokens",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Assignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DirectiveId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    OriginUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ExtendedTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CycleDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastDayInForce = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastReportAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HeardOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AcceptedSubmissionOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Extension = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ExtensionRequestedTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExtensionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DeadlineUrgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeadlineKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DeadlineLastDay = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeadlineRecurrence = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    DeadlineWrittenAs = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assignments_Directives_DirectiveId",
                        column: x => x.DirectiveId,
                        principalTable: "Directives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assignments_Units_OriginUnitId",
                        column: x => x.OriginUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assignments_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DirectiveEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DirectiveId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectiveEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectiveEvents_Directives_DirectiveId",
                        column: x => x.DirectiveId,
                        principalTable: "Directives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DirectiveReferences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DirectiveId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectiveReferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectiveReferences_Directives_DirectiveId",
                        column: x => x.DirectiveId,
                        principalTable: "Directives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DirectiveTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DirectiveId = table.Column<int>(type: "INTEGER", nullable: false),
                    KpiId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectiveTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectiveTargets_Directives_DirectiveId",
                        column: x => x.DirectiveId,
                        principalTable: "Directives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DirectiveTargets_KpiDefinitions_KpiId",
                        column: x => x.KpiId,
                        principalTable: "KpiDefinitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DirectiveTargets_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KpiRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeasurementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Numerator = table.Column<long>(type: "INTEGER", nullable: true),
                    Denominator = table.Column<long>(type: "INTEGER", nullable: true),
                    StatedRate = table.Column<double>(type: "REAL", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KpiRevisions_KpiMeasurements_MeasurementId",
                        column: x => x.MeasurementId,
                        principalTable: "KpiMeasurements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReorganisationAllotments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssignmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReorganisationId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReorganisationAllotments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReorganisationAllotments_Reorganisations_ReorganisationId",
                        column: x => x.ReorganisationId,
                        principalTable: "Reorganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReorganisationPredecessors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReorganisationId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReorganisationPredecessors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReorganisationPredecessors_Reorganisations_ReorganisationId",
                        column: x => x.ReorganisationId,
                        principalTable: "Reorganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReorganisationPredecessors_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReorganisationSuccessors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReorganisationId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReorganisationSuccessors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReorganisationSuccessors_Reorganisations_ReorganisationId",
                        column: x => x.ReorganisationId,
                        principalTable: "Reorganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReorganisationSuccessors_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProgressReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssignmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ReportedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedOnPaper = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressReports_Assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "Assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssignmentEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssignmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    StatusAfter = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: true),
                    NewLastDay = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssignmentEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssignmentEvents_Assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "Assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssignmentEvents_ProgressReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "ProgressReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Files",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OriginalName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UploadedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AssignmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: true),
                    NoticeId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Files", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Files_Assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "Assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Files_Notices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "Notices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Files_ProgressReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "ProgressReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_Hash",
                table: "ApiTokens",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_UnitId",
                table: "ApiTokens",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_SearchKey",
                table: "AspNetUsers",
                column: "SearchKey");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_UnitId",
                table: "AspNetUsers",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssignmentEvents_AssignmentId_At",
                table: "AssignmentEvents",
                columns: new[] { "AssignmentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AssignmentEvents_ReportId",
                table: "AssignmentEvents",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_DirectiveId_OriginUnitId",
                table: "Assignments",
                columns: new[] { "DirectiveId", "OriginUnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_DirectiveId_UnitId",
                table: "Assignments",
                columns: new[] { "DirectiveId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_OriginUnitId",
                table: "Assignments",
                column: "OriginUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_Status_HeardOn",
                table: "Assignments",
                columns: new[] { "Status", "HeardOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_Status_LastDayInForce",
                table: "Assignments",
                columns: new[] { "Status", "LastDayInForce" });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_UnitId_Status_LastDayInForce_DirectiveId",
                table: "Assignments",
                columns: new[] { "UnitId", "Status", "LastDayInForce", "DirectiveId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_UserId",
                table: "AuditEntries",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectiveEvents_DirectiveId_At",
                table: "DirectiveEvents",
                columns: new[] { "DirectiveId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectiveReferences_DirectiveId",
                table: "DirectiveReferences",
                column: "DirectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_Directives_MonitoringUnitId",
                table: "Directives",
                column: "MonitoringUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Directives_NoticeId_Label",
                table: "Directives",
                columns: new[] { "NoticeId", "Label" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Directives_NoticeId_SortOrder",
                table: "Directives",
                columns: new[] { "NoticeId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_Directives_RollupDueOn_IsCancelled",
                table: "Directives",
                columns: new[] { "RollupDueOn", "IsCancelled" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectiveTargets_DirectiveId",
                table: "DirectiveTargets",
                column: "DirectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectiveTargets_KpiId",
                table: "DirectiveTargets",
                column: "KpiId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectiveTargets_UnitId",
                table: "DirectiveTargets",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Files_AssignmentId",
                table: "Files",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Files_NoticeId",
                table: "Files",
                column: "NoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_Files_ReportId",
                table: "Files",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_IdempotentRequests_CreatedAt",
                table: "IdempotentRequests",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_IdempotentRequests_TokenId_Key",
                table: "IdempotentRequests",
                columns: new[] { "TokenId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KpiDefinitions_Code",
                table: "KpiDefinitions",
                column: "Code",
                unique: true);

            // The KPI pages aggregate by (KPI, period): a covering index, written here because EF cannot declare an
            // index on the columns of a complex property (KpiMeasurement.Period) in the model.
            migrationBuilder.CreateIndex(
                name: "IX_KpiMeasurements_KpiId_Period",
                table: "KpiMeasurements",
                columns: new[] { "KpiId", "PeriodStart", "PeriodEnd", "UnitId", "Numerator", "Denominator" });

            migrationBuilder.CreateIndex(
                name: "IX_KpiMeasurements_KpiId_UnitId",
                table: "KpiMeasurements",
                columns: new[] { "KpiId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_KpiMeasurements_NoticeId",
                table: "KpiMeasurements",
                column: "NoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_KpiMeasurements_UnitId",
                table: "KpiMeasurements",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_KpiReferences_KpiId_Series",
                table: "KpiReferences",
                columns: new[] { "KpiId", "Series" });

            migrationBuilder.CreateIndex(
                name: "IX_KpiRevisions_MeasurementId",
                table: "KpiRevisions",
                column: "MeasurementId");

            migrationBuilder.CreateIndex(
                name: "IX_NoticeReferences_ConclusionNoticeId",
                table: "NoticeReferences",
                column: "ConclusionNoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_IsPublic",
                table: "Notices",
                column: "IsPublic");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_IssuerKey_MeetingDate_ContentKey",
                table: "Notices",
                columns: new[] { "IssuerKey", "MeetingDate", "ContentKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Notices_IssuerKey_NumberKey",
                table: "Notices",
                columns: new[] { "IssuerKey", "NumberKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Notices_MeetingDate",
                table: "Notices",
                column: "MeetingDate");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_CreatedAt",
                table: "Notifications",
                columns: new[] { "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_EventKey",
                table: "Notifications",
                columns: new[] { "UserId", "EventKey" },
                unique: true,
                filter: "[EventKey] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReadAt",
                table: "Notifications",
                columns: new[] { "UserId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxEmails_SentAt_NextAttemptAt",
                table: "OutboxEmails",
                columns: new[] { "SentAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_AssignmentId_ReportedAt",
                table: "ProgressReports",
                columns: new[] { "AssignmentId", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReminderLogs_AssignmentId_Kind_Day",
                table: "ReminderLogs",
                columns: new[] { "AssignmentId", "Kind", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReorganisationAllotments_AssignmentId",
                table: "ReorganisationAllotments",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ReorganisationAllotments_ReorganisationId",
                table: "ReorganisationAllotments",
                column: "ReorganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ReorganisationPredecessors_ReorganisationId",
                table: "ReorganisationPredecessors",
                column: "ReorganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ReorganisationPredecessors_UnitId",
                table: "ReorganisationPredecessors",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Reorganisations_State_EffectiveOn",
                table: "Reorganisations",
                columns: new[] { "State", "EffectiveOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Reorganisations_SuccessorUnitId",
                table: "Reorganisations",
                column: "SuccessorUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ReorganisationSuccessors_ReorganisationId",
                table: "ReorganisationSuccessors",
                column: "ReorganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ReorganisationSuccessors_UnitId",
                table: "ReorganisationSuccessors",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitGroupMember_UnitId",
                table: "UnitGroupMember",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Units_Code",
                table: "Units",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Units_Kind_IsActive",
                table: "Units",
                columns: new[] { "Kind", "IsActive" });

            migrationBuilder.CreateIndex(
                name: "IX_Units_SucceededById",
                table: "Units",
                column: "SucceededById");

            migrationBuilder.CreateIndex(
                name: "IX_UnitTallies_UnitId_Status_LastDayInForce",
                table: "UnitTallies",
                columns: new[] { "UnitId", "Status", "LastDayInForce" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AssignmentEvents");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DirectiveEvents");

            migrationBuilder.DropTable(
                name: "DirectiveReferences");

            migrationBuilder.DropTable(
                name: "DirectiveTargets");

            migrationBuilder.DropTable(
                name: "Files");

            migrationBuilder.DropTable(
                name: "IdempotentRequests");

            migrationBuilder.DropTable(
                name: "KpiDistrictTotals");

            migrationBuilder.DropTable(
                name: "KpiReferences");

            migrationBuilder.DropTable(
                name: "KpiRevisions");

            migrationBuilder.DropTable(
                name: "Leases");

            migrationBuilder.DropTable(
                name: "NoticeReferences");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "OutboxEmails");

            migrationBuilder.DropTable(
                name: "PortalSettings");

            migrationBuilder.DropTable(
                name: "ReminderLogs");

            migrationBuilder.DropTable(
                name: "ReorganisationAllotments");

            migrationBuilder.DropTable(
                name: "ReorganisationPredecessors");

            migrationBuilder.DropTable(
                name: "ReorganisationSuccessors");

            migrationBuilder.DropTable(
                name: "SignInThrottles");

            migrationBuilder.DropTable(
                name: "UnitGroupMember");

            migrationBuilder.DropTable(
                name: "UnitTallies");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "ProgressReports");

            migrationBuilder.DropTable(
                name: "ApiTokens");

            migrationBuilder.DropTable(
                name: "KpiMeasurements");

            migrationBuilder.DropTable(
                name: "Reorganisations");

            migrationBuilder.DropTable(
                name: "UnitGroups");

            migrationBuilder.DropTable(
                name: "Assignments");

            migrationBuilder.DropTable(
                name: "KpiDefinitions");

            migrationBuilder.DropTable(
                name: "Directives");

            migrationBuilder.DropTable(
                name: "Notices");

            migrationBuilder.DropTable(
                name: "Units");
        }
    }
}
