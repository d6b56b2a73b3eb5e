// Errors as values: a result of type T, or an error message for the user. The core never
// throws across its interface; stages that can fail return an Outcome.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace annotator {

struct Error {
    std::string message;  // one line, says what is wrong and where
};

template <class T>
class Outcome {
public:
    Outcome(T value) : state_(std::move(value)) {}
    Outcome(Error error) : state_(std::move(error)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<0>(state_); }
    const T& value() const { return std::get<0>(state_); }
    const Error& error() const { return std::get<1>(state_); }

private:
    std::variant<T, Error> state_;
};

}  // namespace annotator
