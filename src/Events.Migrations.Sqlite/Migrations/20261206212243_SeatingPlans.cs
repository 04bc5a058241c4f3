using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Events.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SeatingPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SeatingPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Layout = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Convention = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SeatsPerTable = table.Column<int>(type: "INTEGER", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeatingPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SeatingPlans_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SeatingGuests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Group = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    RegistrationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Table = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeatingGuests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SeatingGuests_SeatingPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "SeatingPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SeatingGuests_PlanId_Rank",
                table: "SeatingGuests",
                columns: new[] { "PlanId", "Rank" });

            migrationBuilder.CreateIndex(
                name: "IX_SeatingPlans_SessionId",
                table: "SeatingPlans",
                column: "SessionId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SeatingGuests");

            migrationBuilder.DropTable(
                name: "SeatingPlans");
        }
    }
}
