using Mesh.Errors;
using Mesh.Grains.Diagnostics;
using Mesh.Rebalancing;
using Mesh.Vaults;
using OperationStatus = Mesh.Vaults.OperationStatus;

namespace Mesh.Grains.Vaults;

/// <summary>
/// Top-ups between the protocol's books on one chain (<see cref="RebalanceSettings.TopUps"/>). After every
/// revaluation a book above the band's top offers its desk the collateral it holds beyond it, and a book below the
/// band asks for what takes it back to the band's middle. A move is the giver's saga: it checks its own margin again
/// and records the move (taking the amount out of its balance) before the receiver sees it; the receiver credits it
/// in one write, idempotent by the move's id; the giver completes it when the receiver has answered, gives it back
/// when the receiver refused, and drives it again (retry timer, resume reminder) after a transient failure, so a move
/// is never lost or made twice.
/// </summary>
internal sealed partial class VaultGrain
{
    /// <summary>The longest an unchanged offer goes unrepeated: a desk activated again learns it back within this time.</summary>
    private static readonly TimeSpan OfferRefresh = TimeSpan.FromMinutes(5);

    /// <summary>The share by which an offer must move before it is sent again.</summary>
    private const double OfferHysteresis = 0.02;

    /// <summary>What an offer and a gift keep back of the margin beyond the band's top, so that rounding never takes the giver below it.</summary>
    private const double GiftMargin = 0.995;

    /// <summary>The last offer sent this activation (null: none, so the next one is sent whatever it is).</summary>
    private (UInt128 Amount, DateTimeOffset At)? _offered;

    private ITopUpDeskGrain TopUpDesk => GrainFactory.GetGrain<ITopUpDeskGrain>(new VaultKey(Key.ProtocolId, Key.Chain).ToString());

    public async Task<OperationReceipt> GiveTopUp(TopUpOrder order, CancellationToken cancellationToken = default)
    {
        var token = CheckOrder(order, giving: true);
        var s = state.State;
        if (s.Operations.TryGetValue(order.OperationId, out var known))
        {
            // The order's id is the move: a repeat answers (or drives) it, whatever amount the gift was cut to.
            return known.Kind == OperationKind.TopUpOut
                ? known.Status == OperationStatus.Pending ? await SettleTopUp(order.OperationId, cancellationToken) : known
                : throw new MeshException(MeshErrorKind.Conflict, "operation.id_reused", $"Operation {order.OperationId} is a {known.Kind}, not a {OperationKind.TopUpOut}.", "operationId");
        }

        RequireTopUps();
        await RequireMember("give collateral to its other books", allowSuspended: true, cancellationToken);
        var health = await Revalue(time.GetUtcNow(), cancellationToken, persistNeed: false);
        var spare = Spare(health, order.Asset);
        if (spare == UInt128.Zero)
        {
            throw new MeshException(MeshErrorKind.Refused, "topup.below_floor", $"Vault {Key} has no {order.Asset} to give beyond the band's top ({riskOptions.Value.BandMax}); its health factor is {health.HealthFactor?.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) ?? "unbounded"}.", "amount");
        }

        // At most what is spare now and what the balance holds (a sale waiting for its fill is valued, not held).
        var amount = UInt128.Min(UInt128.Min(order.Amount, spare), s.Balances.GetValueOrDefault(token.Symbol));
        if (amount == UInt128.Zero)
        {
            throw new MeshException(MeshErrorKind.Refused, "vault.insufficient_balance", $"Vault {Key} holds no {order.Asset} to give.", "amount");
        }

        var movement = new VaultMovement(order.OperationId, token.Symbol, amount);
        await Record(movement, OperationKind.TopUpOut, debit: true, cancellationToken);
        return await SettleTopUp(movement.OperationId, cancellationToken);
    }

    public async Task<OperationReceipt> TakeTopUp(TopUpOrder order, CancellationToken cancellationToken = default)
    {
        var token = CheckOrder(order, giving: false);
        var s = state.State;
        if (s.Operations.TryGetValue(order.OperationId, out var known))
        {
            // The same gift again: the same kind, asset, amount and giver (a giver that reused an id another gave under is refused, and gives its gift back).
            return known.Kind == OperationKind.TopUpIn && known.Asset == order.Asset && known.Amount == order.Amount && s.TopUps.From.GetValueOrDefault(order.OperationId) == order.From
                ? known
                : throw new MeshException(MeshErrorKind.Conflict, "operation.id_reused", $"Operation {order.OperationId} was a {known.Kind} of {known.Amount} {known.Asset}; it is not this top-up.", "operationId");
        }

        RequireTopUps();
        // Listed for the asset's revaluations before the credit is written: nothing can fail once it is.
        await EnsureRegistered(cancellationToken, also: token.Symbol);
        var receipt = new OperationReceipt(order.OperationId, OperationKind.TopUpIn, token.Symbol, order.Amount, OperationStatus.Completed, null, null, time.GetUtcNow());
        var balance = s.Balances.GetValueOrDefault(token.Symbol);
        var received = s.TopUps.Received.GetValueOrDefault(token.Symbol);
        s.Operations[order.OperationId] = receipt;
        s.Balances[token.Symbol] = checked(balance + order.Amount);
        s.TopUps.Received[token.Symbol] = checked(received + order.Amount);
        s.TopUps.From[order.OperationId] = order.From;
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            s.Operations.Remove(order.OperationId);
            s.Balances[token.Symbol] = balance;
            s.TopUps.Received[token.Symbol] = received;
            s.TopUps.From.Remove(order.OperationId);
            throw;
        }

        return receipt;
    }

    /// <summary>
    /// After a revaluation: asks for a top-up below the band, offers what is spare above its top, withdraws the offer
    /// in between. A desk that fails or does not answer costs the round's top-up only: the sale path runs as without.
    /// </summary>
    /// <returns>True when the desk matched the ask at once (the gifts are on their way: no sale is started on the health from before them).</returns>
    private async Task<bool> TopUpAfter(VaultHealth health, CancellationToken cancellationToken)
    {
        if (state.State.Rebalancing is not { TopUps: true })
        {
            return false;
        }

        try
        {
            return await AskOrOffer(health, cancellationToken);
        }
        catch (Exception e) when (e is MeshException || IsTransient(e))
        {
            _offered = null; // the desk may not have it: send the next offer whatever it is
            return false;
        }
    }

    private async Task<bool> AskOrOffer(VaultHealth health, CancellationToken cancellationToken)
    {
        var s = state.State;

        var options = riskOptions.Value;
        if (health.HealthFactor is { } hf && hf < options.BandMin)
        {
            if (MainLine(health) is not { } line)
            {
                return false;
            }

            var target = (options.BandMin + options.BandMax) / 2.0;
            var amount = SalePlan.ToBaseUnits(((target * health.Obligations) - health.CollateralValueAfterHaircuts) / ((1.0 - line.Haircut) * line.Price), line.Decimals);
            if (amount == UInt128.Zero)
            {
                return false;
            }

            // The ask's number is written before the desk sees it: the orders it names are never named twice.
            var number = s.TopUps.NextAsk;
            s.TopUps.NextAsk++;
            try
            {
                await state.WriteStateAsync(cancellationToken);
            }
            catch
            {
                s.TopUps.NextAsk = number;
                throw;
            }

            _offered = (UInt128.Zero, time.GetUtcNow()); // an ask withdraws the offer at the desk
            var matched = await TopUpDesk.Ask(new TopUpAsk(Key.ToString(), line.Asset, amount, Math.Max(hf, 0.0), number), cancellationToken);
            return matched.Count > 0;
        }

        var main = MainLine(health);
        await Offer(main?.Asset, main is null ? UInt128.Zero : Spare(health, main.Asset), cancellationToken);
        return false;
    }

    private async Task Offer(string? asset, UInt128 amount, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_offered is { } last && now - last.At < OfferRefresh && Close(last.Amount, amount))
        {
            return;
        }

        await TopUpDesk.Offer(new TopUpOffer(Key.ToString(), asset ?? "", amount, now), cancellationToken);
        _offered = (amount, now);

        static bool Close(UInt128 a, UInt128 b)
        {
            if (a == b)
            {
                return true;
            }

            if (a == UInt128.Zero || b == UInt128.Zero)
            {
                return false;
            }

            var (x, y) = ((double)a, (double)b);
            return Math.Abs(x - y) <= OfferHysteresis * Math.Max(x, y);
        }
    }

    /// <summary>
    /// What of <paramref name="asset"/> the vault can give and stay at the band's top: its collateral after haircuts
    /// beyond the top times its obligations (the hedges' gain left out: it sits at the perp venue), at the asset's
    /// value after its haircut, kept back by <see cref="GiftMargin"/>. All of the line when it owes nothing.
    /// </summary>
    private UInt128 Spare(VaultHealth health, string asset)
    {
        var line = health.Collateral.FirstOrDefault(c => string.Equals(c.Asset, asset, StringComparison.Ordinal));
        if (line is null || line.Amount == UInt128.Zero || !(line.Price > 0))
        {
            return UInt128.Zero;
        }

        var options = riskOptions.Value;
        if (!(health.Obligations > 0.0))
        {
            return line.Amount;
        }

        var collateral = health.CollateralValueAfterHaircuts - (health.Margin.HedgeGain * (1.0 - options.HedgeGainHaircut));
        var beyond = collateral - (options.BandMax * health.Obligations);
        if (!(beyond > 0.0) || !(line.Haircut < 1.0))
        {
            return UInt128.Zero;
        }

        var units = GiftMargin * beyond / ((1.0 - line.Haircut) * line.Price);
        return UInt128.Min(SalePlan.ToBaseUnits(units, line.Decimals), line.Amount);
    }

    /// <summary>The collateral line worth most: what a book asks for and gives (the one it would sell).</summary>
    private static CollateralLine? MainLine(VaultHealth health)
    {
        CollateralLine? main = null;
        foreach (var line in health.Collateral)
        {
            if (line.Amount > UInt128.Zero && line.Price > 0 && line.Haircut < 1.0 && (main is null || line.Value > main.Value))
            {
                main = line;
            }
        }

        return main;
    }

    /// <summary>Drives a recorded gift: the receiver credits it (idempotent), then the gift completes; a refusal gives it back.</summary>
    private async Task<OperationReceipt> SettleTopUp(string operationId, CancellationToken cancellationToken)
    {
        var op = state.State.Operations[operationId];
        if (op.Status != OperationStatus.Pending)
        {
            return op;
        }

        if (!TopUpOperations.TryRecipient(operationId, out var recipient))
        {
            return await EndGift(op, OperationStatus.Failed, "topup.malformed_id", cancellationToken);
        }

        checkpoint.Reached(Key.ToString(), op.OperationId, SagaStep.Recorded);
        try
        {
            await GrainFactory.GetGrain<IVaultGrain>(recipient).TakeTopUp(new TopUpOrder(operationId, Key.ToString(), recipient, op.Asset, op.Amount), cancellationToken);
        }
        catch (MeshException refused) when (refused.Kind != MeshErrorKind.Unavailable)
        {
            return await EndGift(op, OperationStatus.Failed, refused.Code, cancellationToken);
        }
        catch (Exception transient) when (IsTransient(transient))
        {
            ScheduleRetry();
            await this.RegisterOrUpdateReminder(ResumeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), cancellationToken);
            return op;
        }

        return await EndGift(op, OperationStatus.Completed, null, cancellationToken);
    }

    /// <summary>Ends a gift in one write: completed (counted as given), or failed and given back.</summary>
    private async Task<OperationReceipt> EndGift(OperationReceipt op, OperationStatus status, string? reason, CancellationToken cancellationToken)
    {
        var s = state.State;
        var balance = s.Balances.GetValueOrDefault(op.Asset);
        var given = s.TopUps.Given.GetValueOrDefault(op.Asset);
        var done = op with { Status = status, Reason = reason, UpdatedAt = time.GetUtcNow() };
        s.Operations[op.OperationId] = done;
        if (status == OperationStatus.Completed)
        {
            s.TopUps.Given[op.Asset] = checked(given + op.Amount);
        }
        else
        {
            s.Balances[op.Asset] = checked(balance + op.Amount);
        }

        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            (s.Operations[op.OperationId], s.Balances[op.Asset], s.TopUps.Given[op.Asset]) = (op, balance, given);
            throw;
        }

        GrainsMetrics.TopUpEnded(op.Asset, status == OperationStatus.Completed);
        return done;
    }

    private void RequireTopUps()
    {
        if (state.State.Rebalancing is not { TopUps: true })
        {
            throw new MeshException(MeshErrorKind.Refused, "topup.not_enabled", $"Vault {Key} does not take part in its protocol's top-ups (rebalancing topUps is off).", "vault");
        }
    }

    /// <summary>Checks an order against this vault: its side, a sibling on the other, the mesh's id naming the receiver, a token of the chain, an amount above zero.</summary>
    private Mesh.Chains.Configuration.TokenDefinition CheckOrder(TopUpOrder order, bool giving)
    {
        ArgumentNullException.ThrowIfNull(order);
        var self = Key.ToString();
        var (mine, other, otherField) = giving ? (order.From, order.To, "to") : (order.To, order.From, "from");
        if (!string.Equals(mine, self, StringComparison.Ordinal))
        {
            throw MeshException.Invalid(giving ? "from" : "to", "topup.wrong_vault", $"The order names '{mine}' on this side, not vault {self}.");
        }

        VaultKey? sibling = null;
        try
        {
            sibling = other is null ? null : VaultKey.Parse(other);
        }
        catch (MeshException)
        {
        }

        if (sibling is null || sibling.ProtocolId != Key.ProtocolId || sibling.Chain != Key.Chain || string.Equals(other, self, StringComparison.Ordinal))
        {
            throw MeshException.Invalid(otherField, "topup.not_sibling", $"'{other}' is not another vault of protocol {Key.ProtocolId} on {Key.Chain}: a top-up moves collateral between one protocol's books on one chain.");
        }

        if (order.OperationId is null || order.OperationId.Length > MovementValidator.MaxOperationIdLength * 2 || order.OperationId.Any(char.IsControl)
            || !TopUpOperations.TryRecipient(order.OperationId, out var recipient) || !string.Equals(recipient, order.To, StringComparison.Ordinal))
        {
            throw MeshException.Invalid("operationId", "operation.malformed_id", $"A top-up's operation id is '{TopUpOperations.Prefix}', the receiving vault's key, its ask number and the order's place; '{order.OperationId}' is not one for {order.To}.");
        }

        var token = Chain.FindToken(order.Asset ?? "")
            ?? throw MeshException.Invalid("asset", "asset.unknown", $"asset '{order.Asset}' is not a token on {Chain.Name} ({string.Join(", ", Chain.Tokens.Select(t => t.Symbol))}).");
        if (order.Amount == UInt128.Zero)
        {
            throw MeshException.Invalid("amount", "amount.zero", "amount must be greater than zero.");
        }

        return token;
    }
}
