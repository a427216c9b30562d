// test_viewer: GoogleTest with a QApplication on the offscreen platform (no display needed).
#include "private_runtime_dir.hpp"

#include <QApplication>

#include <gtest/gtest.h>

#include <cstdlib>

int main(int argc, char** argv)
{
    if (!std::getenv("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    const gebiedscan::viewer::PrivateRuntimeDir runtimeDir; // as the viewer itself
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
