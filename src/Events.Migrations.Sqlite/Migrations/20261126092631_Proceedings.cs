using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Events.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Proceedings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Proceedings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Subtitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Editors = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Preface = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Publisher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DatePlace = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Access = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Grouping = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Header = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PublishedBuildId = table.Column<int>(type: "INTEGER", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proceedings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Proceedings_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProceedingsBuilds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProceedingsId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PageCount = table.Column<int>(type: "INTEGER", nullable: false),
                    PaperCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FrontMatterPages = table.Column<int>(type: "INTEGER", nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProceedingsBuilds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProceedingsBuilds_Proceedings_ProceedingsId",
                        column: x => x.ProceedingsId,
                        principalTable: "Proceedings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProceedingsOrder",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProceedingsId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmissionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProceedingsOrder", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProceedingsOrder_Proceedings_ProceedingsId",
                        column: x => x.ProceedingsId,
                        principalTable: "Proceedings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProceedingsOrder_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "Submissions",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_Proceedings_EventId",
                table: "Proceedings",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Proceedings_PublishedBuildId",
                table: "Proceedings",
                column: "PublishedBuildId");

            migrationBuilder.CreateIndex(
                name: "IX_ProceedingsBuilds_ProceedingsId_Version",
                table: "ProceedingsBuilds",
                columns: new[] { "ProceedingsId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProceedingsBuilds_State",
                table: "ProceedingsBuilds",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_ProceedingsOrder_ProceedingsId_SubmissionId",
                table: "ProceedingsOrder",
                columns: new[] { "ProceedingsId", "SubmissionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProceedingsOrder_SubmissionId",
                table: "ProceedingsOrder",
                column: "SubmissionId");

            migrationBuilder.AddForeignKey(
                name: "FK_Proceedings_ProceedingsBuilds_PublishedBuildId",
                table: "Proceedings",
                column: "PublishedBuildId",
                principalTable: "ProceedingsBuilds",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Proceedings_ProceedingsBuilds_PublishedBuildId",
                table: "Proceedings");

            migrationBuilder.DropTable(
                name: "ProceedingsOrder");

            migrationBuilder.DropTable(
                name: "ProceedingsBuilds");

            migrationBuilder.DropTable(
                name: "Proceedings");
        }
    }
}
