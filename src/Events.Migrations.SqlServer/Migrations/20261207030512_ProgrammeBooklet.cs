using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Events.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ProgrammeBooklet : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BookletBuilds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EventId = table.Column<int>(type: "int", nullable: false),
                    State = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Percent = table.Column<int>(type: "int", nullable: false),
                    Paper = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Culture = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Pages = table.Column<int>(type: "int", nullable: true),
                    StoredName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Size = table.Column<long>(type: "bigint", nullable: true),
                    Error = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    RequestedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BookletBuilds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BookletBuilds_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BookletSettings",
                columns: table => new
                {
                    EventId = table.Column<int>(type: "int", nullable: false),
                    Cover = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Notice = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    Contacts = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Paper = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Sections = table.Column<int>(type: "int", nullable: false),
                    Order = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Culture = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BookletSettings", x => x.EventId);
                    table.ForeignKey(
                        name: "FK_BookletSettings_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BookletBuilds_EventId_CreatedAt",
                table: "BookletBuilds",
                columns: new[] { "EventId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BookletBuilds_State_Id",
                table: "BookletBuilds",
                columns: new[] { "State", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BookletBuilds");

            migrationBuilder.DropTable(
                name: "BookletSettings");
        }
    }
}
