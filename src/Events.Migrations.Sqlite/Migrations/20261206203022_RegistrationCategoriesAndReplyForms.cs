using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Events.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RegistrationCategoriesAndReplyForms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Registrations_EventId_UserId_Active",
                table: "Registrations");

            migrationBuilder.AddColumn<long>(
                name: "PersonalDataErasedAt",
                table: "RegistrationSettings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PersonalDataRetentionDays",
                table: "RegistrationSettings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SelfServiceUntil",
                table: "RegistrationSettings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CategoryId",
                table: "Registrations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "Registrations",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<long>(
                name: "DecidedAt",
                table: "Registrations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecidedByUserId",
                table: "Registrations",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "FeeAmount",
                table: "Registrations",
                type: "TEXT",
                precision: 10,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FormVersion",
                table: "Registrations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandedOverFrom",
                table: "Registrations",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandoverEmail",
                table: "Registrations",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandoverName",
                table: "Registrations",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandoverOrganization",
                table: "Registrations",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "HandoverRequestedAt",
                table: "Registrations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "UpdatedAt",
                table: "Registrations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SeesPersonalData",
                table: "EventStaff",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "PersonalDataAccessLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalDataAccessLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonalDataAccessLog_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegistrationAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegistrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    FieldKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    IsProtected = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistrationAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistrationAnswers_Registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "Registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegistrationCategories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: true),
                    SeatsTaken = table.Column<int>(type: "INTEGER", nullable: false),
                    Fee = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    EarlyBirdFee = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    EarlyBirdUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    RequiresApproval = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsClosed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistrationCategories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistrationCategories_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReplyForms",
                columns: table => new
                {
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    DefinitionJson = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReplyForms", x => x.EventId);
                    table.ForeignKey(
                        name: "FK_ReplyForms_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_CategoryId",
                table: "Registrations",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_EventId_CategoryId_State",
                table: "Registrations",
                columns: new[] { "EventId", "CategoryId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_EventId_UserId_Active",
                table: "Registrations",
                columns: new[] { "EventId", "UserId" },
                unique: true,
                filter: "[State] IN ('Active', 'PendingApproval', 'Waiting')");

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataAccessLog_EventId_At",
                table: "PersonalDataAccessLog",
                columns: new[] { "EventId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationAnswers_EventId_FieldKey",
                table: "RegistrationAnswers",
                columns: new[] { "EventId", "FieldKey" });

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationAnswers_RegistrationId_FieldKey",
                table: "RegistrationAnswers",
                columns: new[] { "RegistrationId", "FieldKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationCategories_EventId_SortOrder",
                table: "RegistrationCategories",
                columns: new[] { "EventId", "SortOrder" });

            migrationBuilder.AddForeignKey(
                name: "FK_Registrations_RegistrationCategories_CategoryId",
                table: "Registrations",
                column: "CategoryId",
                principalTable: "RegistrationCategories",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Registrations_RegistrationCategories_CategoryId",
                table: "Registrations");

            migrationBuilder.DropTable(
                name: "PersonalDataAccessLog");

            migrationBuilder.DropTable(
                name: "RegistrationAnswers");

            migrationBuilder.DropTable(
                name: "RegistrationCategories");

            migrationBuilder.DropTable(
                name: "ReplyForms");

            migrationBuilder.DropIndex(
                name: "IX_Registrations_CategoryId",
                table: "Registrations");

            migrationBuilder.DropIndex(
                name: "IX_Registrations_EventId_CategoryId_State",
                table: "Registrations");

            migrationBuilder.DropIndex(
                name: "IX_Registrations_EventId_UserId_Active",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "PersonalDataErasedAt",
                table: "RegistrationSettings");

            migrationBuilder.DropColumn(
                name: "PersonalDataRetentionDays",
                table: "RegistrationSettings");

            migrationBuilder.DropColumn(
                name: "SelfServiceUntil",
                table: "RegistrationSettings");

            migrationBuilder.DropColumn(
                name: "CategoryId",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "ConcurrencyStamp",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "DecidedAt",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "DecidedByUserId",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "FeeAmount",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "FormVersion",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "HandedOverFrom",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "HandoverEmail",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "HandoverName",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "HandoverOrganization",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "HandoverRequestedAt",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "SeesPersonalData",
                table: "EventStaff");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_EventId_UserId_Active",
                table: "Registrations",
                columns: new[] { "EventId", "UserId" },
                unique: true,
                filter: "[State] = 'Active'");
        }
    }
}
