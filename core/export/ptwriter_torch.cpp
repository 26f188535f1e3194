#include "export/ptwriter.h"

#include "export/atomicfile.h"

#include <QDir>
#include <QObject>

#include <caffe2/serialize/inline_container.h>
#include <torch/csrc/jit/serialization/export.h>
#include <torch/csrc/jit/serialization/pickler.h>

#include <cstring>

namespace qb {

Result<QByteArray> ptBytes(const TensorSet &set)
{
    try {
        // A dict str -> Any keeps insertion order, so Python sees the tensors in network order.
        c10::impl::GenericDict dict(c10::StringType::get(), c10::AnyType::get());
        for (const NamedTensor &t : set.tensors) {
            const std::vector<int64_t> shape(t.shape.begin(), t.shape.end());
            const auto dtype = t.dtype == NamedTensor::DType::Int8 ? torch::kInt8 : torch::kFloat32;
            torch::Tensor tensor = torch::empty(shape, torch::TensorOptions().dtype(dtype));
            // The set's bytes are little-endian, as are the hosts LibTorch runs on.
            Q_ASSERT(qsizetype(tensor.nbytes()) == t.bytes.size());
            std::memcpy(tensor.data_ptr(), t.bytes.constData(), size_t(t.bytes.size()));
            dict.insert(t.name.toStdString(), tensor);
        }
        dict.insert(std::string(kTensorMetadataName), set.metadataJson().toStdString());
        // What torch::pickle_save does (pickle the value, then a zip holding data.pkl and one record
        // per tensor storage, the format torch.save writes), except that the pickler is told not
        // to tag the dict with its TorchScript type: the tag is a call of
        // torch.jit._pickle.restore_type_tag, which torch.load(weights_only=True) refuses.
        std::vector<char> pickled;
        torch::jit::Pickler pickler(
            [&pickled](const char *data, size_t size) { pickled.insert(pickled.end(), data, data + size); },
            /*tensor_table=*/nullptr, /*type_renamer=*/nullptr,
            /*memoized_class_types=*/nullptr, /*get_tensor_id=*/nullptr,
            /*tag_aggregates=*/false);
        pickler.protocol();
        pickler.pushIValue(c10::IValue(dict));
        pickler.stop();
        QByteArray bytes;
        caffe2::serialize::PyTorchStreamWriter writer([&bytes](const void *data, size_t size) {
            bytes.append(static_cast<const char *>(data), qsizetype(size));
            return size;
        });
        torch::jit::writeArchiveAndTensors(
            "data", pickled.data(), pickled.size(), pickler.tensorData(), writer);
        writer.writeEndOfFile();
        return bytes;
    } catch (const c10::Error &e) {
        return Result<QByteArray>::failure(QObject::tr("LibTorch could not write the dict: %1")
                                               .arg(QString::fromStdString(e.what_without_backtrace())));
    }
}

Status writePt(const ModelSnapshot &model, const QString &path, const TensorExportOptions &options)
{
    const auto failed = [&path](const QString &reason) {
        return Status::failure(
            QObject::tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), reason));
    };
    const Result<TensorSet> set = tensorSet(model, options);
    if (!set)
        return failed(set.error());
    const Result<QByteArray> bytes = ptBytes(*set);
    if (!bytes)
        return failed(bytes.error());
    return writeFileAtomically(path, *bytes);
}

} // namespace qb
