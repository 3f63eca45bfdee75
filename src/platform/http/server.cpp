#include "platform/http/server.hpp"

#include <fmt/format.h>
#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <mutex>
#include <optional>
#include <restinio/all.hpp>
#include <thread>

#include "platform/crypto.hpp"
#include "platform/http/connection_slots.hpp"
#include "platform/http/proxies.hpp"
#include "platform/http/worker_pool.hpp"
#include "platform/log.hpp"

namespace hearth::http {

namespace {

// restinio's hooks onto ConnectionSlots: its IP blocker is asked about each connection as it is
// accepted (one refused is closed at once, taking no slot), and its connection-state listener is
// told when each opens and closes.
class SlotKeeper {
  public:
    explicit SlotKeeper(ConnectionSlots& slots) : slots_(slots) {}

    restinio::ip_blocker::inspection_result_t inspect(
        const restinio::ip_blocker::incoming_info_t& info) const noexcept {
        return slots_.admits(info.remote_endpoint().address().to_string())
                   ? restinio::ip_blocker::allow()
                   : restinio::ip_blocker::deny();
    }

    void state_changed(const restinio::connection_state::notice_t& notice) noexcept {
        const auto cause = notice.cause();
        if (std::holds_alternative<restinio::connection_state::accepted_t>(cause)) {
            slots_.opened(notice.connection_id(), notice.remote_endpoint().address().to_string());
        } else if (std::holds_alternative<restinio::connection_state::closed_t>(cause)) {
            slots_.closed(notice.connection_id());
        }
    }

  private:
    ConnectionSlots& slots_;
};

// max_connections, counting connections alone. RESTinio 0.6.16's own limiter also counts an accept
// in progress and frees that count only when the accept becomes a connection, so each connection
// the IP blocker refuses would keep a slot for ever, and after max_connections refusals the server
// would accept nobody again. As in RESTinio's, once every slot is taken further accepts wait (in
// the kernel's queue) until a connection closes. One accept at a time (RESTinio's default) keeps
// the count at most the limit.
class SlotLimiter {
  public:
    SlotLimiter(restinio::not_null_pointer_t<
                    restinio::connection_count_limits::impl::acceptor_callback_iface_t>
                    acceptor,
                restinio::connection_count_limits::max_parallel_connections_t most,
                restinio::connection_count_limits::max_active_accepts_t accepts)
        : acceptor_(acceptor), most_(most.value()) {
        waiting_.reserve(accepts.value());
    }

    void increment_parallel_connections() noexcept {
        const std::lock_guard lock(mutex_);
        ++connections_;
    }

    void decrement_parallel_connections() noexcept {
        std::optional<std::size_t> index;
        {
            const std::lock_guard lock(mutex_);
            --connections_;
            if (connections_ < most_ && !waiting_.empty()) {
                index = waiting_.back();
                waiting_.pop_back();
            }
        }
        if (index) {
            acceptor_->schedule_next_accept_attempt(*index);
        }
    }

    void accept_next(std::size_t index) noexcept {
        {
            const std::lock_guard lock(mutex_);
            if (connections_ >= most_) {
                waiting_.push_back(index);
                return;
            }
        }
        acceptor_->call_accept_now(index);
    }

  private:
    restinio::connection_count_limits::impl::acceptor_callback_iface_t* acceptor_;
    const std::size_t most_;
    std::mutex mutex_;
    std::size_t connections_ = 0;
    std::vector<std::size_t> waiting_;  // accept sockets waiting for a free slot
};

struct Traits : public restinio::default_traits_t {
    using ip_blocker_t = SlotKeeper;
    using connection_state_listener_t = SlotKeeper;
};

// An io_context whose waiting handlers can be destroyed on purpose. At shutdown, reads still
// waiting on keep-alive connections own those connections, and a connection's destructor tells
// the connection-count limiter, which lives in the server's acceptor. Destroying the handlers
// while the server still exists keeps that from touching freed memory.
class IoContext : public asio::io_context {
  public:
    void destroy_waiting_handlers() { shutdown(); }
};

std::string next_request_id() {
    static const std::string instance = crypto::random_token().substr(0, 8);
    static std::atomic<unsigned long long> counter{0};
    return fmt::format("{}-{:08x}", instance, ++counter);
}

Request convert(const restinio::request_handle_t& req, const TrustedProxies& proxies) {
    Request r;
    r.method = std::string(req->header().method().c_str());
    r.path = std::string(req->header().path());
    std::string_view query = req->header().query();
    std::size_t pos = 0;
    while (pos < query.size()) {
        auto end = query.find('&', pos);
        if (end == std::string_view::npos) {
            end = query.size();
        }
        auto pair = query.substr(pos, end - pos);
        auto eq = pair.find('=');
        auto name = url_decode(pair.substr(0, eq));
        auto value =
            url_decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1));
        if (name && value && valid_utf8(*name) && valid_utf8(*value)) {
            r.query.emplace(*name, *value);
        }
        pos = end + 1;
    }
    for (const auto& field : req->header()) {
        std::string name(field.name());
        for (auto& ch : name) {
            ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        }
        auto [it, inserted] = r.headers.emplace(name, std::string(field.value()));
        if (!inserted) {
            it->second += (name == "cookie" ? "; " : ", ") + std::string(field.value());
        }
    }
    r.body = req->body();
    const std::string peer = req->remote_endpoint().address().to_string();
    r.through_trusted_proxy = proxies.trusts(peer);
    r.remote_ip = proxies.client_address(peer, r.header("x-forwarded-for"));
    r.request_id = next_request_id();
    return r;
}

bool same_name(std::string_view name, std::string_view lower) {
    return name.size() == lower.size() &&
           std::equal(name.begin(), name.end(), lower.begin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) == b;
           });
}

// RFC 9112 section 3.2: a server must answer 400 to an HTTP/1.1 request with no Host header or
// with more than one. HTTP/1.0 had no such rule, so its requests are served without one. restinio
// does not pass the request's version on (its header always says 1.1), but its parser's keep-alive
// verdict follows the version (RFC 9112 section 9.3): a request that does not keep the connection
// open without having asked to close it is HTTP/1.0. Any other request must have one Host.
bool host_missing_or_repeated(const restinio::request_handle_t& req) {
    const auto& header = req->header();
    int hosts = 0;
    bool asked_to_close = false;
    for (const auto& field : header) {
        if (same_name(field.name(), "host")) {
            ++hosts;
        } else if (same_name(field.name(), "connection")) {
            std::string value(field.value());
            std::transform(value.begin(), value.end(), value.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            asked_to_close = asked_to_close || value.find("close") != std::string::npos;
        }
    }
    const bool http_1_0 = !header.should_keep_alive() && !asked_to_close;
    return !http_1_0 && hosts != 1;
}

// restinio writes the Connection header itself, from its keep-alive flag: a response asking to
// close sets the flag. So does a server short of slots, so that no connection sits idle on one.
void send(const restinio::request_handle_t& req, Response response, bool head,
          const ConnectionSlots& slots, std::function<void()> after) {
    auto builder = req->create_response(restinio::http_status_line_t{
        restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
        status_reason(response.status)});
    if (!response.content_type.empty()) {
        builder.append_header(restinio::http_field::content_type, response.content_type);
    }
    bool close = slots.short_of_slots();
    for (auto& [name, value] : response.headers) {
        if (same_name(name, "connection")) {
            close = close || value == "close";
        } else {
            builder.append_header(name, value);
        }
    }
    if (close) {
        builder.connection_close();
    }
    if (!head) {
        builder.set_body(std::move(response.body));
    }
    builder.done([after = std::move(after)](const auto&) { after(); });
}

}  // namespace

}  // namespace hearth::http

// RESTinio picks its connection-count limiter through this trait; Hearth's server uses SlotLimiter.
template <>
struct restinio::connection_count_limit_types<hearth::http::Traits> {
    using limiter_t = hearth::http::SlotLimiter;
    using lifetime_monitor_t =
        restinio::connection_count_limits::connection_lifetime_monitor_t<limiter_t>;
};

namespace hearth::http {

Status serve(const Router& router, Services& services, const ServerHooks& hooks) {
    const Config& cfg = services.config;
    const auto proxies = TRY(TrustedProxies::parse(cfg.trusted_proxies));
    ConnectionSlots slots(
        {.total = cfg.max_connections, .per_address = cfg.max_connections_per_address}, proxies);

    // Signals are taken by this thread alone, with sigwait, so no thread is interrupted mid-write.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    WorkerPool pool(cfg.worker_threads, cfg.worker_queue);
    std::atomic<long> in_flight{0};
    std::atomic<bool> accepting{true};
    std::atomic<int> bound_port{0};

    // restinio's handler takes the request by value (a shared_ptr), as its examples do.
    // NOLINTNEXTLINE(performance-unnecessary-value-param)
    auto handler = [&](restinio::request_handle_t req) -> restinio::request_handling_status_t {
        ++in_flight;
        const bool head = req->header().method() == restinio::http_method_head();
        auto finished = [&in_flight] { --in_flight; };
        if (!accepting) {
            Request r = convert(req, proxies);
            Response busy = Response::text(503, "Hearth is restarting. Try again in a moment.");
            busy.header("Connection", "close").header("Retry-After", "5");
            add_security_headers(busy, r, cfg);
            send(req, std::move(busy), head, slots, finished);
            return restinio::request_accepted();
        }
        if (host_missing_or_repeated(req)) {
            Request r = convert(req, proxies);
            Response bad = Response::text(
                400, "An HTTP/1.1 request must have one Host header, naming the server it is for.");
            add_security_headers(bad, r, cfg);
            send(req, std::move(bad), head, slots, finished);
            return restinio::request_accepted();
        }
        auto job = [&, req, head, finished] {
            Request r = convert(req, proxies);
            Response response = router.dispatch(r, services);
            send(req, std::move(response), head, slots, finished);
        };
        if (!pool.try_post(job)) {
            Request r = convert(req, proxies);
            Response busy = Response::text(
                503, "Hearth is busy. Try again in a moment. Reference: " + r.request_id);
            busy.header("Retry-After", "2");
            add_security_headers(busy, r, cfg);
            services.metrics.record("overloaded", 503, std::chrono::microseconds{0});
            send(req, std::move(busy), head, slots, finished);
        }
        services.metrics.set_queue_depth(pool.queued());
        return restinio::request_accepted();
    };

    using Server = restinio::http_server_t<Traits>;
    IoContext io_context;  // outlives the server: see IoContext
    std::unique_ptr<Server> server;
    try {
        server = std::make_unique<Server>(
            restinio::external_io_context(io_context), [&](auto& settings) {
                settings.port(static_cast<std::uint16_t>(cfg.port))
                    .address(cfg.listen_address)
                    .request_handler(handler)
                    .read_next_http_message_timelimit(
                        std::chrono::seconds(cfg.request_read_seconds))
                    .write_http_response_timelimit(std::chrono::seconds(cfg.response_write_seconds))
                    .handle_request_timeout(std::chrono::seconds(cfg.handle_seconds))
                    .max_parallel_connections(static_cast<std::size_t>(cfg.max_connections))
                    .ip_blocker(std::make_shared<SlotKeeper>(slots))
                    .connection_state_listener(std::make_shared<SlotKeeper>(slots))
                    .incoming_http_msg_limits(
                        restinio::incoming_http_msg_limits_t{}
                            .max_body_size(static_cast<std::uint64_t>(cfg.max_body_bytes))
                            .max_url_size(std::size_t{8} * 1024)
                            .max_field_value_size(std::size_t{16} * 1024)
                            .max_field_count(100))
                    .acceptor_post_bind_hook([&](asio::ip::tcp::acceptor& a) {
                        bound_port = a.local_endpoint().port();
                    });
            });
        server->open_sync();
    } catch (const std::exception& e) {
        return Error::make(ErrorKind::unavailable,
                           fmt::format("Hearth could not listen on {}:{}: {}", cfg.listen_address,
                                       cfg.port, e.what()));
    }

    std::vector<std::thread> io_threads;
    for (int i = 0; i < cfg.io_threads; ++i) {
        io_threads.emplace_back([&] { server->io_context().run(); });
    }
    log::info("listening", {{"address", cfg.listen_address},
                            {"port", bound_port.load()},
                            {"database", services.db.describe()}});
    if (hooks.on_listening) {
        hooks.on_listening(bound_port.load());
    }

    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    log::info("stopping: finishing requests in flight",
              {{"signal", signal_number}, {"in_flight", in_flight.load()}});
    accepting = false;
    const auto give_up =
        std::chrono::steady_clock::now() + std::chrono::seconds(cfg.handle_seconds);
    while (in_flight > 0 && std::chrono::steady_clock::now() < give_up) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    pool.drain_and_stop();
    std::promise<void> closed;
    server->close_async([&] { closed.set_value(); },
                        [&](const std::exception_ptr&) { closed.set_value(); });
    closed.get_future().wait_for(std::chrono::seconds(5));
    server->io_context().stop();
    for (auto& t : io_threads) {
        t.join();
    }
    io_context.destroy_waiting_handlers();
    server.reset();
    log::info("stopped", {{"unfinished", in_flight.load()}});
    return {};
}

}  // namespace hearth::http
