// Render benchmark of the viewer (issue 6): 14,000 buurt-sized polygons plus 100,000 points per
// frame, target < 50 ms per frame while panning. Plain timing CLI (QGuiApplication for fonts):
//   QT_QPA_PLATFORM=offscreen viewer_render_bench [frames]
// Polygons: a 140 x 100 grid of irregular 24-vertex "buurten" over the extent of the Netherlands
// (RD New), choropleth-coloured; points: 100,000 uniformly random, drawn individually (no
// clustering: the worst case) and clustered.
#include "layer_list_model.hpp"
#include "map_renderer.hpp"

#include <QGuiApplication>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>

#include <time.h>

using namespace gebiedscan;
using namespace gebiedscan::viewer;

namespace {

std::shared_ptr<LayerData> makeBuurten(std::mt19937& rng)
{
    auto l = std::make_shared<LayerData>();
    l->name = "buurten";
    l->geometry = GeometryKind::Polygon;
    l->setFields({{"n_total", true}});
    std::uniform_real_distribution<double> jitter(0.85, 1.0);
    std::poisson_distribution<int> count(12);
    const double cw = 280000.0 / 140, ch = 300000.0 / 100;
    for (int j = 0; j < 100; ++j)
        for (int i = 0; i < 140; ++i) {
            const double cx = 13000 + (i + 0.5) * cw, cy = 306000 + (j + 0.5) * ch;
            std::vector<PointRd> ring;
            for (int k = 0; k < 24; ++k) {
                const double a = 2 * M_PI * k / 24;
                ring.push_back({cx + std::cos(a) * cw / 2 * jitter(rng), cy + std::sin(a) * ch / 2 * jitter(rng)});
            }
            ring.push_back(ring.front());
            l->addFeature({ring});
            l->appendValues({QString::number(count(rng))});
        }
    l->kind = LayerKind::Areas;
    return l;
}

std::shared_ptr<LayerData> makePoints(std::mt19937& rng)
{
    auto l = std::make_shared<LayerData>();
    l->name = "incidents";
    l->geometry = GeometryKind::Point;
    l->setFields({});
    std::uniform_real_distribution<double> x(13000, 293000), y(306000, 606000);
    for (int i = 0; i < 100000; ++i) {
        l->addFeature({{PointRd{x(rng), y(rng)}}});
        l->appendValues({});
    }
    l->kind = LayerKind::Points;
    return l;
}

struct Stats {
    double median, max, cpuMedian;
};

// CPU time of this thread: on a shared, loaded machine wall time overstates the cost.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

Stats timeFrames(MapView view, const std::vector<LayerSnapshot>& layers, int frames, double panPixels, bool antialias)
{
    std::vector<double> ms, cpu;
    RenderOptions o;
    o.antialias = antialias;
    for (int f = 0; f < frames; ++f) {
        view.centre.x += panPixels * view.metresPerPixel; // panning: every frame a new view
        const auto t0 = std::chrono::steady_clock::now();
        const double c0 = threadCpuMs();
        const QImage img = renderLayers(view, layers, o);
        cpu.push_back(threadCpuMs() - c0);
        const auto t1 = std::chrono::steady_clock::now();
        if (img.isNull()) std::abort();
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpu.begin(), cpu.end());
    return {ms[ms.size() / 2], ms.back(), cpu[cpu.size() / 2]};
}

} // namespace

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    const int frames = argc > 1 ? std::max(3, std::atoi(argv[1])) : 20;
    std::mt19937 rng(20240101);
    const auto t0 = std::chrono::steady_clock::now();
    auto buurten = makeBuurten(rng);
    auto points = makePoints(rng);
    LayerListModel model;
    LayerStyle areaStyle = defaultStyle(*buurten);
    areaStyle.mode = StyleMode::Choropleth;
    areaStyle.field = QStringLiteral("n_total");
    model.addLayer(buurten, areaStyle);
    LayerStyle pointStyle = defaultStyle(*points);
    pointStyle.visible = true;
    pointStyle.cluster = false;
    model.addLayer(points, pointStyle);
    const auto t1 = std::chrono::steady_clock::now();
    std::printf("data: %zu polygons (%zu vertices), %zu points; setup incl. Jenks symbology %.0f ms\n",
                buurten->featureCount(), buurten->coords.size(), points->featureCount(),
                std::chrono::duration<double, std::milli>(t1 - t0).count());

    MapView view;
    view.size = QSize(1600, 1000);
    view.zoomTo(model.extent());
    const auto all = model.snapshots();
    struct Case {
        const char* name;
        MapView view;
        bool antialias;
        bool cluster;
    };
    MapView city = view;
    city.metresPerPixel = view.metresPerPixel / 8; // ~ a city: a few hundred buurten on screen
    for (const Case& c : {Case{"whole country, points drawn individually", view, true, false},
                          Case{"whole country, points clustered", view, true, true},
                          Case{"whole country, no antialiasing", view, false, false},
                          Case{"city zoom (1/8), points individually", city, true, false}}) {
        auto layers = all;
        for (auto& s : layers)
            if (s.data->kind == LayerKind::Points) s.style.cluster = c.cluster;
        const Stats s = timeFrames(c.view, layers, frames, 40, c.antialias);
        if (c.view.metresPerPixel == view.metresPerPixel && c.antialias && !c.cluster) {
            const Stats polys = timeFrames(c.view, {layers[0]}, frames, 40, true);
            const Stats pts = timeFrames(c.view, {layers[1]}, frames, 40, true);
            std::printf(
                "  of which polygons alone: wall %.1f ms, CPU %.1f ms; points alone: wall %.1f ms, CPU %.1f ms\n",
                polys.median, polys.cpuMedian, pts.median, pts.cpuMedian);
        }
        std::printf("%-42s 1600x1000: wall median %6.1f ms (max %6.1f), CPU median %6.1f ms per frame (%d frames) %s\n",
                    c.name, s.median, s.max, s.cpuMedian, frames, s.median < 50 ? "OK (< 50 ms)" : "SLOW");
    }
    return 0;
}
