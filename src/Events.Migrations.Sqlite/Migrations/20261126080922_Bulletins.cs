using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Events.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Bulletins : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BulletinSeries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Publisher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PublisherOrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    YearlyNumberStyle = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UsesCumulativeNumber = table.Column<bool>(type: "INTEGER", nullable: false),
                    CounterYear = table.Column<int>(type: "INTEGER", nullable: true),
                    NextNumberInYear = table.Column<int>(type: "INTEGER", nullable: false),
                    NextCumulativeNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Classification = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BoardDirector = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BoardDeputies = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BoardEditorInChief = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactFax = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactAddress = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactPostcode = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MastheadColor = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulletinSeries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BulletinSeries_Organizations_PublisherOrganizationId",
                        column: x => x.PublisherOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Bulletins",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SeriesId = table.Column<int>(type: "INTEGER", nullable: false),
                    EventId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RunLabel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IssueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EditorsNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 60000, nullable: false),
                    CompiledBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Editor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ManagingEditor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SentTo = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CopiedTo = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MailTo = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    NumberInYear = table.Column<int>(type: "INTEGER", nullable: true),
                    CumulativeNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CorrectsId = table.Column<int>(type: "INTEGER", nullable: true),
                    PdfFile = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bulletins", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Bulletins_BulletinSeries_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "BulletinSeries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Bulletins_Bulletins_CorrectsId",
                        column: x => x.CorrectsId,
                        principalTable: "Bulletins",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Bulletins_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "BulletinAuthors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BulletinId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulletinAuthors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BulletinAuthors_Bulletins_BulletinId",
                        column: x => x.BulletinId,
                        principalTable: "Bulletins",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BulletinAuthors_BulletinId",
                table: "BulletinAuthors",
                column: "BulletinId");

            migrationBuilder.CreateIndex(
                name: "IX_Bulletins_CorrectsId",
                table: "Bulletins",
                column: "CorrectsId");

            migrationBuilder.CreateIndex(
                name: "IX_Bulletins_EventId",
                table: "Bulletins",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_Bulletins_SeriesId_CumulativeNumber",
                table: "Bulletins",
                columns: new[] { "SeriesId", "CumulativeNumber" },
                unique: true,
                filter: "[CumulativeNumber] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Bulletins_SeriesId_Year_NumberInYear",
                table: "Bulletins",
                columns: new[] { "SeriesId", "Year", "NumberInYear" },
                unique: true,
                filter: "[NumberInYear] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Bulletins_Status_PublishedAt",
                table: "Bulletins",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BulletinSeries_Name",
                table: "BulletinSeries",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BulletinSeries_PublisherOrganizationId",
                table: "BulletinSeries",
                column: "PublisherOrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BulletinAuthors");

            migrationBuilder.DropTable(
                name: "Bulletins");

            migrationBuilder.DropTable(
                name: "BulletinSeries");
        }
    }
}
