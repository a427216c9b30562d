// Offscreen runs of the viewer (screenshots in CI, cron, ssh) must not print Qt's
// "QStandardPaths: XDG_RUNTIME_DIR not set": the viewer, like `gebiedscan report`, makes a
// private runtime folder for the run (app/viewer/src/private_runtime_dir.hpp) and removes it.
#include "private_runtime_dir.hpp"
#include "scan_fixture.hpp"

#include "gebiedscan_build_paths.hpp"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

using namespace gebiedscan::viewer;

namespace {

// Restores XDG_RUNTIME_DIR as the test found it.
class SavedRuntimeDir {
public:
    SavedRuntimeDir()
    {
        if (const char* v = std::getenv("XDG_RUNTIME_DIR")) m_value = v;
    }
    ~SavedRuntimeDir()
    {
        if (m_value)
            ::setenv("XDG_RUNTIME_DIR", m_value->c_str(), 1);
        else
            ::unsetenv("XDG_RUNTIME_DIR");
    }

private:
    std::optional<std::string> m_value;
};

} // namespace

TEST(PrivateRuntimeDir, UnsetGetsAPrivateFolderForTheRunOnly)
{
    const SavedRuntimeDir saved;
    ::unsetenv("XDG_RUNTIME_DIR");
    std::string made;
    {
        const PrivateRuntimeDir runtime;
        made = runtime.path();
        ASSERT_FALSE(made.empty());
        ASSERT_NE(std::getenv("XDG_RUNTIME_DIR"), nullptr);
        EXPECT_EQ(std::string(std::getenv("XDG_RUNTIME_DIR")), made);
        struct stat st {};
        ASSERT_EQ(::stat(made.c_str(), &st), 0);
        EXPECT_TRUE(S_ISDIR(st.st_mode));
        EXPECT_EQ(st.st_mode & 0777, 0700u) << "Qt refuses a runtime folder others can read";
    }
    EXPECT_FALSE(std::filesystem::exists(made)) << "removed after the run";
    EXPECT_EQ(std::getenv("XDG_RUNTIME_DIR"), nullptr);
}

TEST(PrivateRuntimeDir, ASetFolderIsLeftAlone)
{
    const SavedRuntimeDir saved;
    QTemporaryDir own;
    ::setenv("XDG_RUNTIME_DIR", own.path().toUtf8().constData(), 1);
    {
        const PrivateRuntimeDir runtime;
        EXPECT_TRUE(runtime.path().empty());
        EXPECT_EQ(QString::fromUtf8(std::getenv("XDG_RUNTIME_DIR")), own.path());
    }
    EXPECT_EQ(QString::fromUtf8(std::getenv("XDG_RUNTIME_DIR")), own.path());
    EXPECT_TRUE(QFileInfo(own.path()).isDir());
}

TEST(PrivateRuntimeDir, OffscreenScreenshotPrintsNoRuntimeWarning)
{
    const QString viewer = QStringLiteral(GEBIEDSCAN_BINARY_DIR "/bin/gebiedscan-viewer");
    if (!QFileInfo(viewer).isExecutable()) GTEST_SKIP() << "bin/gebiedscan-viewer is not built";
    QTemporaryDir scan, tmp;
    ASSERT_FALSE(test::writeScan(scan).isEmpty());
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("XDG_RUNTIME_DIR"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("TMPDIR"), tmp.path()); // where the private folder is made
    p.setProcessEnvironment(env);
    const QString png = QDir(tmp.path()).filePath(QStringLiteral("kaart.png"));
    p.start(viewer,
            {scan.path(), QStringLiteral("--screenshot"), png, QStringLiteral("--size"), QStringLiteral("400x300")});
    ASSERT_TRUE(p.waitForFinished(60000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    EXPECT_EQ(p.exitCode(), 0) << err.toStdString();
    EXPECT_FALSE(err.contains(QStringLiteral("XDG_RUNTIME_DIR"))) << err.toStdString();
    EXPECT_EQ(QImage(png).size(), QSize(400, 300));
    // The folder went with the run: only the screenshot is left in TMPDIR.
    EXPECT_EQ(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
              QStringList{QStringLiteral("kaart.png")});
}
