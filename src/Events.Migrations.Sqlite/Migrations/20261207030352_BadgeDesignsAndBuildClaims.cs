using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Events.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BadgeDesignsAndBuildClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BadgeColour",
                table: "RegistrationCategories",
                type: "TEXT",
                maxLength: 7,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BadgeLabel",
                table: "RegistrationCategories",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BadgeLabelEn",
                table: "RegistrationCategories",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "CertificateBuilds",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "ClaimExpiresAt",
                table: "CertificateBuilds",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BadgeBuilds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: true),
                    RegistrationState = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Paper = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RegistrationIds = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    PageCount = table.Column<int>(type: "INTEGER", nullable: true),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Size = table.Column<long>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RequestedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClaimExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BadgeBuilds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BadgeBuilds_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BadgeBuilds_EventId_CreatedAt",
                table: "BadgeBuilds",
                columns: new[] { "EventId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BadgeBuilds_State_Id",
                table: "BadgeBuilds",
                columns: new[] { "State", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BadgeBuilds");

            migrationBuilder.DropColumn(
                name: "BadgeColour",
                table: "RegistrationCategories");

            migrationBuilder.DropColumn(
                name: "BadgeLabel",
                table: "RegistrationCategories");

            migrationBuilder.DropColumn(
                name: "BadgeLabelEn",
                table: "RegistrationCategories");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "CertificateBuilds");

            migrationBuilder.DropColumn(
                name: "ClaimExpiresAt",
                table: "CertificateBuilds");
        }
    }
}
