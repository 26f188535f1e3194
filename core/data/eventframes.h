#pragma once
// Event framing for dynamic-vision-sensor samples (N-MNIST, data/nmnistreader.h): turns one sample's
// event list into a fixed number of frames of event counts, the input of a spiking network's time loop.
// Torch-free; the batcher copies the frames into its tensors. Pure functions, callable from any thread.
//
// What Tonic does and what this does (neuromorphs/tonic, read at commit d0cb6df, 2025-02):
//
// Framing by time window (windowUs > 0), Tonic's ToFrame(time_window=w) -> slicers.py SliceByTime:
// windows start at the first event, t0, and are half-open: window k holds the events with
// t0 + k*w <= t < t0 + (k+1)*w (Tonic finds the bounds with np.searchsorted(t, start), side "left").
// Here frame k (k < timeSteps) is window k: events after the first timeSteps windows are dropped and
// windows the recording does not reach stay zero. Tonic instead makes as many frames as the recording
// has windows, and by default (include_incomplete=False) drops the last, incomplete window; with a
// fixed number of frames padded with zeros there is no reason to drop those events, so they are
// counted (what Tonic's include_incomplete=True gives, for the frames it returns).
//
// Framing by bins (windowUs == 0), Tonic's ToFrame(n_time_bins=T) -> SliceByTimeBins (overlap 0):
// w = (t_last - t0) // T, an integer division, and frame k holds t0 + k*w <= t < t0 + (k+1)*w, exactly
// as above. Two consequences, kept so that the frames equal Tonic's:
//  - events at t >= t0 + T*w are in no frame; that is always the last event, and every event in the
//    (t_last - t0) % T microseconds before it;
//  - a sample whose span is shorter than T microseconds (w == 0) gives T empty frames.
// (N-MNIST samples span about 300,000 us, so for any sensible T both are a few events at the end.)
//
// Frame layout as Tonic's (T, P, H, W): out[((k * channels + polarity) * height + y) * width + x]
// counts the events of frame k at pixel (x, y) with that polarity (channel 0 = OFF, 1 = ON).
//
// Denoise (denoiseUs > 0) runs before framing, so the first event is the first one kept, as in
// Tonic's Compose([Denoise(filter_time), ToFrame(...)]) of snnTorch's tutorial 7; see denoiseEvents.

#include "data/dataset.h"

#include <QtGlobal>

#include <vector>

namespace qb {

/// How a sample's events become frames (see the top of this file for the exact rules).
struct EventFraming
{
    int timeSteps = 1; ///< T, the number of frames
    qint64 windowUs = 0; ///< > 0: the first T windows of this length; 0: T equal bins over the sample's span
    qint64 denoiseUs
        = 0; ///< > 0: drop events with no neighbour within this time before (denoiseEvents); 0: off
};

/// Writes sample `index` of an event split as framing.timeSteps frames [T, channels, H, W] (channels
/// = 2 for N-MNIST) of event counts into out (T * channels * H * W floats; zeroed first). An index
/// out of range, a split without events or timeSteps < 1 leaves out zeroed (as far as T allows);
/// events off the split's height x width or with a polarity >= channels are skipped.
void frameEvents(const DatasetSplit &split, int index, const EventFraming &framing, float *out);

/// Tonic's denoise (tonic/functional/denoise.py, denoise_numpy): keeps an event when one of its four
/// neighbours (x-1, x+1, y-1, y+1) fired less than filterUs before it, i.e. its last time + filterUs
/// is > the event's time. Exactly as Tonic:
///  - the time memory starts at filterUs for every pixel (as if each had fired at time 0), so in the
///    first filterUs of the recording an event is kept whenever it has a neighbour at all;
///  - an event writes its own pixel's memory (t + filterUs) whether or not it is kept, and before its
///    neighbours are looked at (its own pixel is not a neighbour, so the order does not matter);
///  - the neighbours considered are those inside the sample's own extent, x < max x + 1 and
///    y < max y + 1 over the events given (Tonic sizes its memory so), not the sensor's.
/// `width` and `height` are the sensor's: events outside it are dropped (the reader never makes any).
/// filterUs <= 0 means "off" and returns the input unchanged (Tonic's filter_time=0 would drop every
/// event). Events must be in time order, as the reader guarantees.
std::vector<DvsEvent> denoiseEvents(
    const DvsEvent *begin, const DvsEvent *end, int width, int height, qint64 filterUs);

} // namespace qb
